using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dray.Cli.Output;

/// <summary>
/// Emits a JSON tree as block YAML, keeping key order. A string is quoted only when a YAML 1.1 or 1.2 reader would
/// otherwise take it for something else (<c>"true"</c>, <c>"1.0"</c>, <c>"null"</c>, timestamps...), so that
/// <c>dray get -o yaml | dray apply -f -</c> reads back exactly the same JSON.
/// </summary>
internal static partial class YamlWriter
{
    public static void Write(JsonNode? node, TextWriter writer)
    {
        var emitter = new Emitter(writer, new EmitterSettings(2, 100_000, false, 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
    }

    public static string ToYaml(JsonNode? node)
    {
        using var writer = new StringWriter();
        Write(node, writer);
        return writer.ToString();
    }

    /// <summary>True when a plain scalar with this text would not read back as this string.</summary>
    public static bool NeedsQuotes(string value) =>
        value.Length == 0 || value != value.Trim() || NonStringScalar().IsMatch(value);

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitString(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string value)
    {
        var style = NeedsQuotes(value)
            ? ScalarStyle.DoubleQuoted
            : value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true));
    }

    // Nulls, booleans (YAML 1.1 spellings included), ints in any base, floats, infinities, NaN, 1.1 sexagesimals,
    // timestamps and the merge key: everything a resolver may turn into a non-string.
    [GeneratedRegex(
        @"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
        + @"|[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
        + @"|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+|[-+]?0[bB][01_]+"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
        + @"|<<|=)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NonStringScalar();
}
