using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dray.Server.Ui.Model;

/// <summary>
/// Masks what looks like a secret before the UI shows step configs and outputs: values under secret-sounding keys
/// and credentials embedded in URLs.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "*** REDACTED ***";

    public static bool IsSecretKey(string key) => SecretKey().IsMatch(key);

    /// <summary>Indented JSON of <paramref name="value"/> with secrets masked; null for no value.</summary>
    public static string? ToRedactedJson(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        var node = JsonNode.Parse(element.GetRawText());
        return Redact(node)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = IsSecretKey(key) && obj[key] is not (JsonObject or JsonArray or null) ? Mask : Redact(obj[key]?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Redact(array[i]?.DeepClone());
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(RedactText(text));
            default:
                return node;
        }
    }

    /// <summary>Masks the password of <c>scheme://user:password@host</c> URLs inside free text.</summary>
    public static string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UrlCredentials().Replace(text, m => $"{m.Groups[1].Value}{m.Groups[2].Value}:{Mask}@");
    }

    [GeneratedRegex("(pass(word)?|secret|token|credential|api[-_]?key|private[-_]?key|auth)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"([a-z][a-z0-9+.-]*://)([^:/@\s]+):([^@/\s]+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlCredentials();
}
