using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dray.Tests.Output;

/// <summary>
/// A deliberately liberal YAML-to-JSON reader for tests: plain scalars resolve as YAML 1.1 would (yes/no/on/off are
/// booleans, 0777 is octal, 1:20 is sexagesimal, dates are timestamps). Anything our writer leaves unquoted must
/// still read back as the same string under these rules.
/// </summary>
internal static partial class YamlReader
{
    public static JsonNode? Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Resolve(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? Resolve(string text)
    {
        if (text is "" or "~" || NullWord().IsMatch(text))
        {
            return null;
        }

        if (TrueWord().IsMatch(text))
        {
            return JsonValue.Create(true);
        }

        if (FalseWord().IsMatch(text))
        {
            return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && NumberLike().IsMatch(text))
        {
            return JsonValue.Create(d);
        }

        return OtherNonString().IsMatch(text) ? JsonValue.Create("<<non-string " + text + ">>") : JsonValue.Create(text);
    }

    [GeneratedRegex("^(null|Null|NULL)$")]
    private static partial Regex NullWord();

    [GeneratedRegex("^(true|True|TRUE|y|Y|yes|Yes|YES|on|On|ON)$")]
    private static partial Regex TrueWord();

    [GeneratedRegex("^(false|False|FALSE|n|N|no|No|NO|off|Off|OFF)$")]
    private static partial Regex FalseWord();

    [GeneratedRegex(@"^[-+]?[0-9._]*[0-9][0-9._]*([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberLike();

    // Octal, hex, binary, sexagesimal, infinities, NaN, timestamps: marked so a comparison with the original fails.
    [GeneratedRegex(@"^([-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|<<)$")]
    private static partial Regex OtherNonString();
}
