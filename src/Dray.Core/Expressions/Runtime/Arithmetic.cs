using System.Globalization;

namespace Dray.Core.Expressions.Runtime;

/// <summary>expr-lang's operator semantics: int op int stays int (except / and **), mixing with float gives float.</summary>
internal static class Arithmetic
{
    public static object? Apply(string op, object? left, object? right) => op switch
    {
        "+" => Add(left, right),
        "-" => TimeArithmetic.TrySubtract(left, right) ?? Numeric(op, left, right, (a, b) => unchecked(a - b), (a, b) => a - b),
        "*" => TimeArithmetic.TryMultiply(left, right) ?? Numeric(op, left, right, (a, b) => unchecked(a * b), (a, b) => a * b),
        "/" => ExpressionValuesDivide(left, right),
        "%" => Modulo(left, right),
        "**" or "^" => Math.Pow(Number(op, left, right, left), Number(op, left, right, right)),
        "==" => ExpressionValues.AreEqual(left, right),
        "!=" => !ExpressionValues.AreEqual(left, right),
        "<" => Compare(op, left, right) is < 0,
        ">" => Compare(op, left, right) is > 0,
        "<=" => Compare(op, left, right) is <= 0,
        ">=" => Compare(op, left, right) is >= 0,
        "contains" => Strings(op, left, right, (a, b) => a.Contains(b, StringComparison.Ordinal)),
        "startsWith" => Strings(op, left, right, (a, b) => a.StartsWith(b, StringComparison.Ordinal)),
        "endsWith" => Strings(op, left, right, (a, b) => a.EndsWith(b, StringComparison.Ordinal)),
        "in" => In(left, right),
        _ => throw new ExpressionException($"unknown operator ({op})"),
    };

    /// <summary><c>from..to</c>: the integers in between, inclusive; empty when to &lt; from.</summary>
    public static List<object?> Range(object? left, object? right, Action<long> charge)
    {
        if (left is not long from || right is not long to)
        {
            throw Mismatch("..", left, right);
        }

        if (to < from)
        {
            return [];
        }

        charge((long)Math.Min(((double)to - from) + 1, long.MaxValue / 2));
        var range = new List<object?>((int)(to - from + 1));
        for (var i = from; i <= to; i++)
        {
            range.Add(i);
        }

        return range;
    }

    public static object? Negate(object? value) => value switch
    {
        long l => (object)unchecked(-l),
        double d => (object)-d,
        DurationValue d => new DurationValue(unchecked(-d.Nanoseconds)),
        _ => throw new ExpressionException($"invalid operation: -{ExpressionValues.TypeName(value)}"),
    };

    public static object? Plus(object? value) => value is long or double or DurationValue
        ? value
        : throw new ExpressionException($"invalid operation: +{ExpressionValues.TypeName(value)}");

    /// <summary>Orders two numbers or two strings (null when a NaN makes them unordered); else a type error.</summary>
    public static int? Compare(string op, object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (long or double, long or double) => CompareDoubles(ExpressionValues.ToDouble(left), ExpressionValues.ToDouble(right)),
        (string a, string b) => string.CompareOrdinal(a, b),
        (TimeValue a, TimeValue b) => a.Instant.CompareTo(b.Instant),
        (DurationValue a, DurationValue b) => a.Nanoseconds.CompareTo(b.Nanoseconds),
        _ => throw Mismatch(op, left, right),
    };

    public static long ToInteger(object? value, string what) => value switch
    {
        long l => l,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => (long)d,
        _ => throw new ExpressionException($"{what} must be an integer, got {ExpressionValues.TypeName(value)}"),
    };

    public static string FormatNumber(object? value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFormat.FormatFloatG(d),
        _ => ExpressionValues.ToDisplayString(value),
    };

    private static int? CompareDoubles(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? null : a.CompareTo(b);

    private static object Add(object? left, object? right) => (left, right) switch
    {
        (string a, string b) => a + b,
        _ when TimeArithmetic.TryAdd(left, right) is { } sum => sum,
        _ => Numeric("+", left, right, (a, b) => unchecked(a + b), (a, b) => a + b),
    };

    private static object Numeric(string op, object? left, object? right, Func<long, long, long> ints, Func<double, double, double> floats) =>
        (left, right) switch
        {
            (long a, long b) => (object)ints(a, b),
            (long or double, long or double) => (object)floats(ExpressionValues.ToDouble(left), ExpressionValues.ToDouble(right)),
            _ => throw Mismatch(op, left, right),
        };

    private static double ExpressionValuesDivide(object? left, object? right) =>
        Number("/", left, right, left) / Number("/", left, right, right);

    private static long Modulo(object? left, object? right)
    {
        if (left is not long a || right is not long b)
        {
            throw Mismatch("%", left, right);
        }

        return b == 0 ? throw new ExpressionException("integer divide by zero") : b == -1 ? 0 : a % b;
    }

    private static double Number(string op, object? left, object? right, object? value) =>
        value is long or double ? ExpressionValues.ToDouble(value) : throw Mismatch(op, left, right);

    private static bool Strings(string op, object? left, object? right, Func<string, string, bool> test) =>
        left is string a && right is string b ? test(a, b) : throw Mismatch(op, left, right);

    private static bool In(object? item, object? container) => container switch
    {
        ExpressionMap map => item is string key ? map.ContainsKey(key) : throw Mismatch("in", item, container),
        IReadOnlyList<object?> list => list.Any(e => ExpressionValues.AreEqual(e, item)),
        IExpressionObject obj => item is string name ? obj.TryGetMember(name, out _) : throw Mismatch("in", item, container),
        null => false,
        _ => throw Mismatch("in", item, container),
    };

    internal static ExpressionException Mismatch(string op, object? left, object? right) =>
        new($"invalid operation: {op} (mismatched types {ExpressionValues.TypeName(left)} and {ExpressionValues.TypeName(right)})");
}
