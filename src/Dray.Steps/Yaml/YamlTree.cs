using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dray.Steps.Yaml;

/// <summary>
/// Reads the first document of a YAML text into nodes that remember where they sit in the text, so edits can
/// splice new text in place and leave comments, quoting, indentation and blank lines as they were.
/// </summary>
internal static class YamlTree
{
    /// <summary>The root node, or null for an empty document.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static YamlNode? Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        if (parser.Accept<DocumentEnd>(out _))
        {
            return null;
        }

        return ReadNode(parser, text);
    }

    private static YamlNode ReadNode(IParser parser, string text)
    {
        switch (parser.Consume<ParsingEvent>())
        {
            case Scalar scalar:
                return new YamlScalar(scalar.Value, scalar.Style, ScalarStart(scalar, text), (int)scalar.End.Index);
            case MappingStart mapping:
                var entries = new List<YamlEntry>();
                MappingEnd mappingEnd;
                while (!parser.TryConsume(out mappingEnd!))
                {
                    var key = ReadNode(parser, text);
                    var value = ReadNode(parser, text);
                    if (key is YamlScalar scalarKey)
                    {
                        entries.Add(new YamlEntry(scalarKey, value));
                    }
                }

                var flowMapping = mapping.Style == MappingStyle.Flow;
                var mappingStop = flowMapping || entries.Count == 0 ? (int)mappingEnd.End.Index : entries[^1].Value.End;
                return new YamlMapping(entries, flowMapping, (int)mapping.Start.Index, mappingStop);
            case SequenceStart sequence:
                var items = new List<YamlNode>();
                SequenceEnd sequenceEnd;
                while (!parser.TryConsume(out sequenceEnd!))
                {
                    items.Add(ReadNode(parser, text));
                }

                var flowSequence = sequence.Style == SequenceStyle.Flow;
                var sequenceStop = flowSequence || items.Count == 0 ? (int)sequenceEnd.End.Index : items[^1].End;
                return new YamlSequence(items, flowSequence, (int)sequence.Start.Index, sequenceStop);
            case AnchorAlias alias:
                return new YamlOther((int)alias.Start.Index, (int)alias.End.Index);
            default:
                throw new YamlException("unexpected YAML event");
        }
    }

    /// <summary>The scalar event's span starts at its anchor or tag, if any; the value starts after them.</summary>
    private static int ScalarStart(Scalar scalar, string text)
    {
        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        while (start < end && text[start] is '&' or '!')
        {
            while (start < end && !char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        return start;
    }
}
