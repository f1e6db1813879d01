namespace Dray.Core.Expressions.Runtime;

/// <summary>Argument checks for builtins, with expr-lang's error wording.</summary>
internal static class Args
{
    public static void Count(string name, IReadOnlyList<object?> args, int min, int max)
    {
        if (args.Count < min || args.Count > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new ExpressionException($"invalid number of arguments for {name} (expected {expected}, got {args.Count})");
        }
    }

    public static string String(string name, IReadOnlyList<object?> args, int index) =>
        args[index] as string ?? throw Type(name, args, index, "string");

    public static long Integer(string name, IReadOnlyList<object?> args, int index) => args[index] switch
    {
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9.2e18 => (long)d,
        _ => throw Type(name, args, index, "int"),
    };

    public static IReadOnlyList<object?> List(string name, IReadOnlyList<object?> args, int index) =>
        args[index] as IReadOnlyList<object?> ?? throw Type(name, args, index, "array");

    public static ExpressionMap Map(string name, IReadOnlyList<object?> args, int index) =>
        args[index] as ExpressionMap ?? throw Type(name, args, index, "map");

    public static ExpressionException Type(string name, IReadOnlyList<object?> args, int index, string expected) =>
        new($"invalid argument for {name} (type {ExpressionValues.TypeName(args[index])}, expected {expected})");
}
