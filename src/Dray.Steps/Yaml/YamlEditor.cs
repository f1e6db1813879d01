using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Steps;
using YamlDotNet.Core;

namespace Dray.Steps.Yaml;

/// <summary>
/// Collects splices against the original YAML text and applies them at once. The document is never
/// re-serialized, so everything not edited stays byte for byte.
/// </summary>
internal sealed class YamlEditor
{
    private readonly List<(int Start, int End, string Text)> _edits = [];

    private YamlEditor(string text, YamlNode? root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public YamlNode? Root { get; }

    /// <exception cref="StepException">The text is not valid YAML.</exception>
    public static YamlEditor Load(string text, string displayPath)
    {
        try
        {
            return new YamlEditor(text, YamlTree.Parse(text));
        }
        catch (YamlException e)
        {
            throw new StepException($"could not parse {displayPath}: {e.Message}", terminal: false);
        }
    }

    /// <summary>The node at <paramref name="path"/>, or null with the reason it is missing.</summary>
    public YamlNode? Find(KeyPath path, out string? missing)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = Root;
        var walked = new List<string>();
        foreach (var part in path.Parts)
        {
            walked.Add(part.Index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? part.Name);
            node = node switch
            {
                YamlMapping mapping => mapping.Find(part.Name)?.Value,
                YamlSequence sequence when part.Index is { } i && i < sequence.Items.Count => sequence.Items[i],
                _ => null,
            };
            if (node is null)
            {
                missing = $"key \"{string.Join('.', walked)}\" not found";
                return null;
            }
        }

        missing = null;
        return node;
    }

    /// <summary>Replaces an existing scalar's value, keeping its quoting style where the new value allows it.</summary>
    public void SetScalar(YamlScalar scalar, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // A block scalar's span runs to its last line break; keep that break so the next line stays put.
            var span = Text[scalar.Start..scalar.End];
            var trimmed = span.TrimEnd();
            var tail = span[trimmed.Length..];
            var lineBreak = tail.IndexOf('\n', StringComparison.Ordinal);
            Replace(scalar.Start, scalar.End, YamlScalarText.Render(value, ScalarStyle.DoubleQuoted) + (lineBreak >= 0 ? tail[lineBreak..] : string.Empty));
            return;
        }

        Replace(scalar.Start, scalar.End, YamlScalarText.Render(value, scalar.Style));
    }

    public void Replace(int start, int end, string text) => _edits.Add((start, end, text));

    public void Insert(int index, string text) => _edits.Add((index, index, text));

    /// <summary>The column of <paramref name="index"/> on its line.</summary>
    public int ColumnOf(int index) => index - (Text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1);

    /// <summary>The index just after the line that contains <paramref name="index"/> (after its line break).</summary>
    public int EndOfLine(int index)
    {
        var lineBreak = Text.IndexOf('\n', index);
        return lineBreak < 0 ? Text.Length : lineBreak + 1;
    }

    public string Apply()
    {
        var result = new StringBuilder(Text);
        foreach (var (start, end, text) in _edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result.Remove(start, end - start).Insert(start, text);
        }

        return result.ToString();
    }
}
