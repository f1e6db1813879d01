using System.Globalization;
using System.Text.Json.Nodes;

namespace Dray.Steps.PullRequests;

/// <summary>Lenient reads of provider JSON: a missing or differently typed field is null, never an exception.</summary>
internal static class JsonRead
{
    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static string Escape(string segment) => Uri.EscapeDataString(segment);
}
