using System.Text.Json.Nodes;

namespace Dray.Core.Tests.Model;

/// <summary>Enumerates and resolves property paths (<c>spec.steps[].config</c>) in OpenAPI / JSON schemas.</summary>
internal static class SchemaWalker
{
    public const string Items = "[]";
    public const string Values = "{}";

    /// <summary>Every node below <paramref name="schema"/> with its path, parents before children.</summary>
    public static IEnumerable<(IReadOnlyList<string> Path, JsonObject Node)> Walk(JsonObject schema) => Walk(schema, []);

    /// <summary>Follows <paramref name="path"/> in our schema. Returns the node, or the open node the path disappears into.</summary>
    public static Resolution Resolve(JsonNode schema, IReadOnlyList<string> path)
    {
        var node = schema;
        for (var i = 0; i < path.Count; i++)
        {
            if (IsOpen(node))
            {
                return new Resolution(null, path.Take(i).ToList());
            }

            var next = path[i] switch
            {
                Items => node["items"],
                Values => node["additionalProperties"] is { } v && (v is JsonObject || IsOpen(v)) ? v : null,
                var name => node["properties"]?[name],
            };
            if (next is null)
            {
                return new Resolution(null, null);
            }

            node = next;
        }

        return new Resolution(node, null);
    }

    public static string Format(IEnumerable<string> path) =>
        string.Concat(path.Select((s, i) => s is Items or Values || i == 0 ? s : "." + s));

    /// <summary>
    /// True for a schema that accepts any value below it: <c>true</c>, <c>{}</c>, or an object without declared
    /// properties whose additional properties are unconstrained (an open map such as <c>map[string]JSON</c>).
    /// </summary>
    public static bool IsOpen(JsonNode node) => node switch
    {
        JsonValue v => v.TryGetValue<bool>(out var b) && b,
        JsonObject o => !o.ContainsKey("properties") && !o.ContainsKey("items") && !o.ContainsKey("enum")
            && !o.ContainsKey("const") && !o.ContainsKey("$ref")
            && (o["type"] is null || TypeIncludes(o["type"]!, "object"))
            && (o["additionalProperties"] is null || IsOpen(o["additionalProperties"]!)),
        _ => false,
    };

    private static bool TypeIncludes(JsonNode type, string name) => type switch
    {
        JsonArray types => types.Any(t => (string?)t == name),
        _ => (string?)type == name,
    };

    private static IEnumerable<(IReadOnlyList<string>, JsonObject)> Walk(JsonObject node, List<string> path)
    {
        yield return (path, node);
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                foreach (var entry in Walk((JsonObject)child!, [.. path, name]))
                {
                    yield return entry;
                }
            }
        }

        if (node["items"] is JsonObject items)
        {
            foreach (var entry in Walk(items, [.. path, Items]))
            {
                yield return entry;
            }
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            foreach (var entry in Walk(values, [.. path, Values]))
            {
                yield return entry;
            }
        }
    }

    /// <param name="Node">The resolved node, or null when the path is missing or ends in an open node.</param>
    /// <param name="OpenPrefix">The path of the open node the rest of the path falls into, if any.</param>
    public sealed record Resolution(JsonNode? Node, IReadOnlyList<string>? OpenPrefix)
    {
        public bool Missing => Node is null && OpenPrefix is null;
    }
}
