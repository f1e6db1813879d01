using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dray.Core.Manifests;

/// <summary>
/// Types YAML scalars the way Kubernetes' YAML-to-JSON conversion does (YAML 1.1 resolution): quoted scalars and
/// <c>!!str</c> stay strings; plain <c>true</c>/<c>yes</c>/<c>on</c> are booleans; integers (decimal, 0x, 0o and
/// leading-zero octal) and floats become numbers; <c>~</c>, <c>null</c> and empty become null.
/// </summary>
internal static partial class YamlScalars
{
    private const string StrTag = "tag:yaml.org,2002:str";

    public static JsonNode? ToJson(YamlScalarNode node)
    {
        var text = node.Value ?? "";
        var tag = node.Tag.IsEmpty ? "" : node.Tag.Value;
        if (node.Style is not ScalarStyle.Plain and not ScalarStyle.Any || tag is StrTag or "!")
        {
            return JsonValue.Create(text);
        }

        return tag switch
        {
            "tag:yaml.org,2002:int" when TryInt(text, out var i) => Number(i.ToString(CultureInfo.InvariantCulture)),
            "tag:yaml.org,2002:float" when TryFloat(text, out var f) => Number(f.ToString("R", CultureInfo.InvariantCulture)),
            "tag:yaml.org,2002:bool" when TryBool(text, out var b) => JsonValue.Create(b),
            "tag:yaml.org,2002:null" => null,
            _ => Resolve(text),
        };
    }

    private static JsonValue? Resolve(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (TryBool(text, out var b))
        {
            return JsonValue.Create(b);
        }

        if (TryInt(text, out var i))
        {
            return Number(i.ToString(CultureInfo.InvariantCulture));
        }

        return FloatSyntax().IsMatch(text) && TryFloat(text, out var f) ? Number(f.ToString("R", CultureInfo.InvariantCulture)) : JsonValue.Create(text);
    }

    // Backed by a JsonElement, as parsed JSON is, so readers may ask for int, long or double alike.
    private static JsonValue Number(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonValue.Create(document.RootElement.Clone())!;
    }

    private static bool TryBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "y" or "Y" or "on" or "On" or "ON":
                value = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "n" or "N" or "off" or "Off" or "OFF":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryInt(string text, out long value)
    {
        value = 0;
        var s = text.Replace("_", "", StringComparison.Ordinal);
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        bool ok;
        if (s.StartsWith("0x", StringComparison.Ordinal) || s.StartsWith("0X", StringComparison.Ordinal))
        {
            ok = long.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (s.StartsWith("0o", StringComparison.Ordinal) || (s.Length > 1 && s[0] == '0' && s.All(char.IsAsciiDigit)))
        {
            var digits = s.StartsWith("0o", StringComparison.Ordinal) ? s[2..] : s[1..];
            ok = digits.Length > 0 && digits.All(c => c is >= '0' and <= '7');
            if (ok)
            {
                try
                {
                    value = Convert.ToInt64(digits, 8);
                }
                catch (OverflowException)
                {
                    ok = false;
                }
            }
        }
        else
        {
            ok = s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (ok && negative)
        {
            value = -value;
        }

        return ok;
    }

    private static bool TryFloat(string text, out double value) =>
        double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatSyntax();
}
