using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Dray.Steps.Yaml;

/// <summary>Renders JSON values as YAML scalar text that reads back as the same value.</summary>
internal static partial class YamlScalarText
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text for <paramref name="value"/>, keeping the quoting style of the scalar it replaces.</summary>
    public static string Render(JsonNode? value, ScalarStyle original)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            return original switch
            {
                ScalarStyle.DoubleQuoted => DoubleQuoted(text),
                ScalarStyle.SingleQuoted when !HasControl(text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
                _ => IsPlainSafe(text) ? text : DoubleQuoted(text),
            };
        }

        return Json(value);
    }

    /// <summary>
    /// Kargo's "quote if necessary" for commit messages: strings that would read back as a number, a bool or
    /// JSON are double-quoted; everything else is written as is.
    /// </summary>
    public static string QuoteIfNecessary(JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            return IsNumber(text) || IsBool(text) || IsJson(text) ? DoubleQuoted(text) : text;
        }

        return Json(value);
    }

    public static string Json(JsonNode? value) => value?.ToJsonString(Compact) ?? "null";

    public static string DoubleQuoted(string text) => JsonSerializer.Serialize(text, Compact);

    public static bool IsPlainSafe(string text) =>
        text.Length > 0
        && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
        && "-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0], StringComparison.Ordinal) < 0
        && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':') && text.IndexOfAny([',', '[', ']', '{', '}']) < 0
        && !HasControl(text)
        && !IsNumber(text) && !IsBool(text) && !IsNull(text) && !IsJson(text);

    private static bool HasControl(string text) => text.Any(char.IsControl);

    private static bool IsNull(string text) => text is "~" or "null" or "Null" or "NULL";

    private static bool IsBool(string text) => BoolPattern().IsMatch(text);

    private static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex NumberPattern();
}
