using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dray.Core.Manifests.Schema;

/// <summary>Reading and describing JSON values for schema messages.</summary>
internal static class SchemaValues
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    internal static bool IsMatch(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    // Numbers may be backed by a JsonElement (parsed) or by any CLR numeric type (built in code).
    internal static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        return value.TryGetValue<decimal>(out var m) ? (double)m : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }

    internal static string Article(string type) => type switch
    {
        "object" => "an object",
        "array" => "a list",
        "integer" => "an integer",
        "boolean" => "a boolean",
        _ => "a " + type,
    };

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"string \"{v.GetValue<string>()}\"",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => $"number {v.ToJsonString()}",
        _ => $"boolean {node.ToJsonString()}",
    };
}
