using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.Yaml;
using YamlDotNet.Core;

namespace Dray.Steps.Kustomize;

/// <summary>
/// Rewrites the <c>images:</c> of a kustomization by splicing: entries kept from the file keep their text
/// (comments included) with only changed fields edited; new entries are written the way kustomize writes them,
/// indented like their neighbours. Nothing else in the file changes.
/// </summary>
internal static class KustomizationImagesEditor
{
    /// <summary>The images currently in the file.</summary>
    public static IReadOnlyList<KustomizationImage> Read(YamlEditor editor) =>
        (editor.Root as YamlMapping)?.Find("images")?.Value is YamlSequence sequence
            ? sequence.Items.OfType<YamlMapping>()
                .Select(m => new KustomizationImage(ValueOf(m, "name"), ValueOf(m, "newName"), ValueOf(m, "newTag"), ValueOf(m, "digest")))
                .ToList()
            : [];

    public static void Write(YamlEditor editor, IReadOnlyList<KustomizationImage> images)
    {
        var root = editor.Root;
        if (root is not (null or YamlMapping { Flow: false }))
        {
            throw new StepException("the kustomization file is not a YAML mapping");
        }

        var imagesEntry = (root as YamlMapping)?.Find("images");
        var entries = Entries(editor);
        if (imagesEntry is null)
        {
            var at = root is null ? editor.Text.Length : editor.EndOfLine(root.End);
            var lead = at > 0 && editor.Text[at - 1] != '\n' ? "\n" : string.Empty;
            editor.Insert(at, lead + "images:\n" + string.Concat(images.Select(i => NewEntry(i, 0, 2))));
        }
        else if (imagesEntry.Value is YamlScalar { Value: "", Style: YamlDotNet.Core.ScalarStyle.Plain })
        {
            // "images:" with nothing after it (perhaps a comment) keeps its line; the entries go below.
            var indent = editor.ColumnOf(imagesEntry.Key.Start);
            var at = editor.EndOfLine(imagesEntry.Key.End);
            var lead = at > 0 && editor.Text[at - 1] != '\n' ? "\n" : string.Empty;
            editor.Insert(at, lead + string.Concat(images.Select(i => NewEntry(i, indent, indent + 2))));
        }
        else if (entries is null)
        {
            // Flow style, empty or irregular lists are rewritten whole, in kustomize's own layout.
            var indent = editor.ColumnOf(imagesEntry.Key.Start);
            editor.Replace(
                imagesEntry.Key.Start,
                editor.EndOfLine(imagesEntry.Value.End),
                "images:\n" + string.Concat(images.Select(i => NewEntry(i, indent, indent + 2))));
        }
        else
        {
            Splice(editor, entries, images);
        }
    }

    private static void Splice(YamlEditor editor, List<Entry> entries, IReadOnlyList<KustomizationImage> images)
    {
        var text = editor.Text;
        var regionStart = LineStart(text, entries[0].Dash);
        var regionEnd = editor.EndOfLine(entries[^1].Node.End);
        var dashColumn = editor.ColumnOf(entries[0].Dash);
        var keyColumn = editor.ColumnOf(entries[0].Node.Entries[0].Key.Start);
        var byName = entries.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var result = new StringBuilder();
        for (var i = 0; i < images.Count; i++)
        {
            if (byName.TryGetValue(images[i].Name, out var existing))
            {
                var next = entries.IndexOf(existing) + 1;
                var end = next < entries.Count ? LineStart(text, entries[next].Dash) : regionEnd;
                var entryText = Edit(editor, existing, images[i], LineStart(text, existing.Dash), end);
                result.Append(entryText.EndsWith('\n') ? entryText : entryText + "\n");
            }
            else
            {
                result.Append(NewEntry(images[i], dashColumn, keyColumn));
            }
        }

        if (!text[regionStart..regionEnd].EndsWith('\n') && result.Length > 0)
        {
            result.Length--;
        }

        editor.Replace(regionStart, regionEnd, result.ToString());
    }

    /// <summary>The entry's original text with only its changed fields edited.</summary>
    private static string Edit(YamlEditor editor, Entry entry, KustomizationImage wanted, int start, int end)
    {
        var text = editor.Text;
        var edits = new List<(int Start, int End, string Text)>();
        var keyColumn = editor.ColumnOf(entry.Node.Entries[0].Key.Start);
        var previousLineEnd = editor.EndOfLine(entry.Node.Find("name")!.Value.End);
        foreach (var field in KustomizationImage.FieldOrder)
        {
            var value = wanted.Field(field);
            var present = entry.Node.Find(field);
            if (present is not null && present.Value is YamlScalar scalar)
            {
                var lineEnd = editor.EndOfLine(scalar.End);
                if (value.Length == 0)
                {
                    edits.Add((LineStart(text, present.Key.Start), lineEnd, string.Empty));
                }
                else if (value != scalar.Value)
                {
                    edits.Add((scalar.Start, scalar.End, YamlScalarText.Render(JsonValue.Create(value), scalar.Style)));
                }

                previousLineEnd = Math.Max(previousLineEnd, lineEnd);
            }
            else if (value.Length > 0)
            {
                var lead = previousLineEnd > 0 && text[previousLineEnd - 1] != '\n' ? "\n" : string.Empty;
                edits.Add((previousLineEnd, previousLineEnd, lead + Field(keyColumn, field, value)));
            }
        }

        var result = new StringBuilder(text[start..end]);
        foreach (var (s, e, t) in edits.OrderByDescending(x => x.Start).ThenByDescending(x => x.End))
        {
            result.Remove(s - start, e - s).Insert(s - start, t);
        }

        return result.ToString();
    }

    /// <summary>A new entry, in kustomize's field order: name, newName, newTag, digest.</summary>
    private static string NewEntry(KustomizationImage image, int dashColumn, int keyColumn)
    {
        var entry = new StringBuilder()
            .Append(' ', dashColumn).Append('-').Append(' ', Math.Max(1, keyColumn - dashColumn - 1))
            .Append("name: ").Append(Scalar(image.Name)).Append('\n');
        foreach (var field in KustomizationImage.FieldOrder)
        {
            if (image.Field(field) is { Length: > 0 } value)
            {
                entry.Append(Field(keyColumn, field, value));
            }
        }

        return entry.ToString();
    }

    private static string Field(int column, string key, string value) =>
        new string(' ', column) + key + ": " + Scalar(value) + "\n";

    private static string Scalar(string value) => YamlScalarText.Render(JsonValue.Create(value), ScalarStyle.Plain);

    private static int LineStart(string text, int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    /// <summary>The block list entries with their dash positions, or null when the list is not a plain block list.</summary>
    private static List<Entry>? Entries(YamlEditor editor)
    {
        if ((editor.Root as YamlMapping)?.Find("images")?.Value is not YamlSequence { Flow: false, Items.Count: > 0 } sequence)
        {
            return null;
        }

        var entries = new List<Entry>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping { Flow: false } mapping
                || mapping.Find("name")?.Value is not YamlScalar name
                || mapping.Entries.Any(e => e.Value is not YamlScalar))
            {
                return null;
            }

            var dash = editor.Text.LastIndexOf('-', mapping.Start - 1);
            entries.Add(new Entry(mapping, dash, name.Value));
        }

        return entries;
    }

    private static string ValueOf(YamlMapping mapping, string key) => (mapping.Find(key)?.Value as YamlScalar)?.Value ?? string.Empty;

    private sealed record Entry(YamlMapping Node, int Dash, string Name);
}
