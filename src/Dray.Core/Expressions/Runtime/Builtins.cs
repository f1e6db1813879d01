namespace Dray.Core.Expressions.Runtime;

internal delegate object? BuiltinFunction(Evaluator evaluator, IReadOnlyList<object?> args);

/// <summary>The plain (non-predicate) builtin functions, by name.</summary>
internal static class Builtins
{
    private static readonly Dictionary<string, BuiltinFunction> Table = Build();

    public static IEnumerable<string> Names => Table.Keys;

    public static bool TryGet(string name, out BuiltinFunction function) => Table.TryGetValue(name, out function!);

    private static Dictionary<string, BuiltinFunction> Build()
    {
        var table = new Dictionary<string, BuiltinFunction>(StringComparer.Ordinal);
        StringBuiltins.Register(table);
        CollectionBuiltins.Register(table);
        ConversionBuiltins.Register(table);
        return table;
    }
}
