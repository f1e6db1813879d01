using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Steps.Yaml;

namespace Dray.Steps.Json;

/// <summary>
/// Sets a value at an sjson path by splicing the UTF-8 text: an existing value is replaced where it stands;
/// missing keys are appended to their object, and missing array slots are filled with nulls, like sjson.
/// </summary>
internal static class JsonSetter
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The new text, or null with <paramref name="error"/> set when the path runs through a scalar.</summary>
    public static byte[]? Set(byte[] utf8, KeyPath path, JsonNode? value, out string? error)
    {
        var node = JsonSpanReader.Read(utf8);
        for (var i = 0; i < path.Parts.Count; i++)
        {
            var part = path.Parts[i];
            JsonSpan? next = node.Kind switch
            {
                JsonSpanKind.Object => node.Properties.FirstOrDefault(p => p.Name == part.Name).Value,
                JsonSpanKind.Array when part.Index is { } index && index < node.Items.Count => node.Items[index],
                _ => null,
            };
            if (next is not null)
            {
                node = next;
                continue;
            }

            if (node.Kind == JsonSpanKind.Scalar || (node.Kind == JsonSpanKind.Array && part.Index is null && part.Name != "-1"))
            {
                error = $"cannot set \"{string.Join('.', path.Parts.Take(i + 1).Select(p => p.Name))}\": its parent is not an object or array";
                return null;
            }

            var created = Build(path.Parts.Skip(i + 1).ToList(), value);
            error = null;
            // New members go right after the last existing one, so the closing bracket keeps its line.
            if (node.Kind == JsonSpanKind.Object)
            {
                var at = node.Properties.Count > 0 ? node.Properties[^1].Value.End : node.Start + 1;
                return Splice(utf8, at, at, (node.Properties.Count > 0 ? "," : string.Empty) + Quote(part.Name) + ":" + created);
            }

            var after = node.Items.Count > 0 ? node.Items[^1].End : node.Start + 1;
            return Splice(utf8, after, after, Append(node.Items.Count, part.Index ?? node.Items.Count, created));
        }

        error = null;
        return Splice(utf8, node.Start, node.End, Text(value));
    }

    private static string Append(int count, int index, string created)
    {
        var text = new StringBuilder();
        for (var slot = count; slot <= index; slot++)
        {
            text.Append(slot > 0 ? "," : string.Empty).Append(slot == index ? created : "null");
        }

        return text.ToString();
    }

    /// <summary>The JSON for the rest of a path that does not exist yet: numeric parts make arrays.</summary>
    private static string Build(List<Dray.Steps.Yaml.KeyPart> rest, JsonNode? value)
    {
        if (rest.Count == 0)
        {
            return Text(value);
        }

        var inner = Build(rest.Skip(1).ToList(), value);
        return rest[0].Index is { } index ? "[" + Append(0, index, inner) + "]" : "{" + Quote(rest[0].Name) + ":" + inner + "}";
    }

    private static string Quote(string name) => JsonSerializer.Serialize(name, Compact);

    private static string Text(JsonNode? value) => value?.ToJsonString(Compact) ?? "null";

    private static byte[] Splice(byte[] utf8, int start, int end, string text)
    {
        var insert = Encoding.UTF8.GetBytes(text);
        var result = new byte[utf8.Length - (end - start) + insert.Length];
        utf8.AsSpan(0, start).CopyTo(result);
        insert.CopyTo(result.AsSpan(start));
        utf8.AsSpan(end).CopyTo(result.AsSpan(start + insert.Length));
        return result;
    }
}
