using System.Collections;

namespace Dray.Core.Expressions;

/// <summary>The expression map value: string keys, insertion order kept.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after expr-lang's map type.")]
public sealed class ExpressionMap : IReadOnlyDictionary<string, object?>
{
    private readonly OrderedDictionary<string, object?> _items;

    public ExpressionMap()
    {
        _items = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
    }

    public ExpressionMap(IEnumerable<KeyValuePair<string, object?>> items)
        : this()
    {
        foreach (var (key, value) in items)
        {
            _items[key] = value;
        }
    }

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<object?> Values => _items.Values;

    public object? this[string key]
    {
        get => _items[key];
        set => _items[key] = value;
    }

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => _items.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
