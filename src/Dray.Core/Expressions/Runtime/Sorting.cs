namespace Dray.Core.Expressions.Runtime;

/// <summary>Stable sorting by keys that must be all numbers or all strings.</summary>
internal static class Sorting
{
    public static List<object?> SortBy(IReadOnlyList<object?> items, IReadOnlyList<object?> keys, bool descending)
    {
        var allNumbers = keys.All(k => k is long or double);
        var allStrings = keys.All(k => k is string);
        if (!allNumbers && !allStrings)
        {
            throw new ExpressionException("sort: items must be all numbers or all strings");
        }

        var order = Enumerable.Range(0, items.Count).ToArray();
        Comparison<int> compare = allNumbers
            ? (x, y) => CompareNumbers(keys[x], keys[y])
            : (x, y) => string.CompareOrdinal((string)keys[x]!, (string)keys[y]!);
        var sorted = descending
            ? order.OrderByDescending(i => i, Comparer<int>.Create(compare))
            : order.OrderBy(i => i, Comparer<int>.Create(compare));
        return sorted.Select(i => items[i]).ToList();
    }

    private static int CompareNumbers(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        _ => ExpressionValues.ToDouble(a).CompareTo(ExpressionValues.ToDouble(b)),
    };
}
