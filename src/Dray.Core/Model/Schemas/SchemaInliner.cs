using System.Text.Json.Nodes;

namespace Dray.Core.Model.Schemas;

/// <summary>
/// Replaces the exporter's <c>$ref</c>s to earlier occurrences of a type with copies of them, so each schema is
/// self-contained and can be walked path by path. The model has no recursive types, so this terminates.
/// </summary>
internal static class SchemaInliner
{
    private const int MaxDepth = 64;

    public static JsonNode Inline(JsonNode root)
    {
        var original = root.DeepClone();
        return Inline(root, original, 0);
    }

    private static JsonNode Inline(JsonNode node, JsonNode original, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("Schema nesting is too deep; is a model type recursive?");
        }

        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference:
                var target = Resolve(original, (string)reference!).DeepClone().AsObject();
                foreach (var (key, value) in obj.Where(p => p.Key != "$ref").ToList())
                {
                    target[key] = value?.DeepClone();
                }

                return Inline(target, original, depth + 1);
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        obj[key] = Inline(value.DeepClone(), original, depth + 1);
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        array[i] = Inline(item.DeepClone(), original, depth + 1);
                    }
                }

                return array;
            default:
                return node;
        }
    }

    private static JsonNode Resolve(JsonNode root, string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            throw new InvalidOperationException($"Only local references can be inlined: {pointer}");
        }

        var node = root;
        foreach (var token in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[name],
                JsonArray a => a[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)],
                _ => null,
            } ?? throw new InvalidOperationException($"Unresolvable schema reference {pointer}");
        }

        return node;
    }
}
