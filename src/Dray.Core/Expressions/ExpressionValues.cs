using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Expressions.Runtime;

namespace Dray.Core.Expressions;

/// <summary>
/// The expression value model is a closed set of CLR types: null, bool, long, double, string,
/// <see cref="IReadOnlyList{T}"/> of values, <see cref="ExpressionMap"/>, <see cref="ExpressionFunction"/> and
/// <see cref="IExpressionObject"/>. These helpers convert to and from it and compare values.
/// </summary>
public static class ExpressionValues
{
    /// <summary>The expr-lang <c>type()</c> name of a value.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "nil",
        bool => "bool",
        long => "int",
        double => "float",
        string => "string",
        ExpressionMap => "map",
        IReadOnlyList<object?> => "array",
        ExpressionFunction => "func",
        IExpressionObject o => o.TypeName,
        _ => value.GetType().Name,
    };

    /// <summary>Go's notion of an empty value, for <c>omitempty</c>.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        bool b => !b,
        long l => l == 0,
        double d => d == 0,
        string s => s.Length == 0,
        ExpressionMap m => m.Count == 0,
        IReadOnlyList<object?> l => l.Count == 0,
        _ => false,
    };

    /// <summary>Converts a CLR value (ints, strings, dictionaries, lists, JSON nodes...) into the value model.</summary>
    public static object? FromClr(object? value) => value switch
    {
        null or bool or long or double or string or ExpressionMap or ExpressionFunction or IExpressionObject => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        DateTimeOffset instant => new TimeValue(instant),
        JsonNode node => FromJson(node),
        JsonElement element => FromJson(JsonSerializer.SerializeToNode(element)),
        IReadOnlyList<object?> list when list.All(IsModelValue) => list,
        IEnumerable<KeyValuePair<string, object?>> pairs => new ExpressionMap(pairs.Select(p => KeyValuePair.Create(p.Key, FromClr(p.Value)))),
        IEnumerable<KeyValuePair<string, string>> pairs => new ExpressionMap(pairs.Select(p => KeyValuePair.Create(p.Key, (object?)p.Value))),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => sequence.Cast<object?>().Select(FromClr).ToList(),
        _ => throw new ExpressionException($"values of type {value.GetType().Name} cannot be used in expressions"),
    };

    /// <summary>
    /// Converts JSON into the value model. Numbers become doubles, as Go's encoding/json does for Kargo's
    /// <c>map[string]any</c> data (step outputs, vars, Freight metadata).
    /// </summary>
    public static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var map = new ExpressionMap();
                foreach (var (key, child) in obj)
                {
                    map[key] = FromJson(child);
                }

                return map;
            case JsonArray array:
                return array.Select(FromJson).ToList();
            default:
                // Values may wrap a parsed element or a CLR value (JsonValue.Create(3)): go through the JSON text.
                var value = node.AsValue();
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString()),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => value.TryGetValue<double>(out var d)
                        ? d
                        : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
                    _ => null,
                };
        }
    }

    /// <summary>Converts a value to JSON the way Go's encoding/json would marshal it.</summary>
    public static JsonNode? ToJson(object? value) => JsonNode.Parse(GoJson.Marshal(value, indent: false));

    /// <summary>Go's <c>fmt.Sprint</c> rendering, which expr-lang's <c>string()</c> uses.</summary>
    public static string ToDisplayString(object? value)
    {
        var sb = new StringBuilder();
        AppendDisplay(sb, value, 0);
        return sb.ToString();
    }

    /// <summary>expr-lang equality: numbers compare by value across int and float; collections deeply.</summary>
    public static bool AreEqual(object? left, object? right) => AreEqual(left, right, 0);

    internal static double ToDouble(object? value) => value switch
    {
        long l => l,
        double d => d,
        _ => throw new ExpressionException($"expected a number, got {TypeName(value)}"),
    };

    private static bool AreEqual(object? left, object? right, int depth)
    {
        if (depth > 1000)
        {
            throw new ExpressionException("values are nested too deeply to compare");
        }

        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (long a, long b):
                return a == b;
            case (long or double, long or double):
                return ToDouble(left) == ToDouble(right);
            case (string a, string b):
                return string.Equals(a, b, StringComparison.Ordinal);
            case (bool a, bool b):
                return a == b;
            case (ExpressionMap a, ExpressionMap b):
                return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && AreEqual(p.Value, v, depth + 1));
            case (IReadOnlyList<object?> a, IReadOnlyList<object?> b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!AreEqual(a[i], b[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return ReferenceEquals(left, right) || left.Equals(right);
        }
    }

    private static bool IsModelValue(object? value) =>
        value is null or bool or long or double or string or ExpressionMap or ExpressionFunction or IExpressionObject or IReadOnlyList<object?>;

    private static ExpressionMap FromDictionary(IDictionary dictionary)
    {
        var map = new ExpressionMap();
        foreach (DictionaryEntry entry in dictionary)
        {
            map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = FromClr(entry.Value);
        }

        return map;
    }

    private static void AppendDisplay(StringBuilder sb, object? value, int depth)
    {
        if (depth > 64)
        {
            sb.Append("...");
            return;
        }

        switch (value)
        {
            case null:
                sb.Append("<nil>");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(GoFormat.FormatFloatG(d));
                break;
            case string s:
                sb.Append(s);
                break;
            case ExpressionMap map:
                sb.Append("map[");
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    sb.Append(first ? "" : " ").Append(key).Append(':');
                    AppendDisplay(sb, map[key], depth + 1);
                    first = false;
                }

                sb.Append(']');
                break;
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    sb.Append(i == 0 ? "" : " ");
                    AppendDisplay(sb, list[i], depth + 1);
                }

                sb.Append(']');
                break;
            case IExpressionScalar scalar:
                AppendDisplay(sb, scalar.ToScalar(), depth + 1);
                break;
            case IExpressionObject obj:
                sb.Append('{');
                var firstField = true;
                foreach (var field in obj.JsonFields())
                {
                    sb.Append(firstField ? "" : " ");
                    AppendDisplay(sb, field.Value, depth + 1);
                    firstField = false;
                }

                sb.Append('}');
                break;
            default:
                sb.Append(value);
                break;
        }
    }
}
