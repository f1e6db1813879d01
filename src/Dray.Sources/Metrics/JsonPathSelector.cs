using System.Globalization;
using System.Text.Json.Nodes;

namespace Dray.Sources.Metrics;

/// <summary>
/// The part of Kubernetes JSONPath that Argo Rollouts' web metrics use: <c>{$.data.ok}</c>, <c>$.items[0].v</c>,
/// <c>.a['b-c']</c>, <c>[*]</c> and negative indexes. A path that selects several values yields an array.
/// </summary>
public static class JsonPathSelector
{
    /// <summary>Selects from <paramref name="root"/>; false with an error for a bad path or a missing value.</summary>
    public static bool TrySelect(JsonNode? root, string path, out JsonNode? result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        result = null;
        if (!TryParse(path, out var segments, out error))
        {
            return false;
        }

        var current = new List<JsonNode?> { root };
        foreach (var segment in segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                segment.Apply(node, next);
            }

            if (next.Count == 0)
            {
                error = $"{path}: {segment} is not found";
                return false;
            }

            current = next;
        }

        var wildcard = segments.Exists(s => s.Wildcard);
        result = wildcard ? new JsonArray(current.Select(n => n?.DeepClone()).ToArray()) : current[0]?.DeepClone();
        return true;
    }

    private static bool TryParse(string path, out List<Segment> segments, out string? error)
    {
        segments = [];
        error = null;
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1].Trim();
        }

        if (text.StartsWith('$'))
        {
            text = text[1..];
        }

        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] is not ('.' or '['))
                {
                    i++;
                }

                if (i == start)
                {
                    error = $"invalid JSONPath \"{path}\": empty field name";
                    return false;
                }

                var name = text[start..i];
                segments.Add(name == "*" ? Segment.All() : Segment.Field(name));
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    error = $"invalid JSONPath \"{path}\": unclosed [";
                    return false;
                }

                var inner = text[(i + 1)..close].Trim();
                i = close + 1;
                if (inner == "*")
                {
                    segments.Add(Segment.All());
                }
                else if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
                {
                    segments.Add(Segment.Field(inner[1..^1]));
                }
                else if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(Segment.Index(index));
                }
                else
                {
                    error = $"invalid JSONPath \"{path}\": unsupported subscript [{inner}]";
                    return false;
                }
            }
            else
            {
                error = $"invalid JSONPath \"{path}\": unexpected '{text[i]}' at {i}";
                return false;
            }
        }

        return true;
    }

    private sealed record Segment(string? Name, int? Position, bool Wildcard)
    {
        public static Segment Field(string name) => new(name, null, false);

        public static Segment Index(int index) => new(null, index, false);

        public static Segment All() => new(null, null, true);

        public void Apply(JsonNode? node, List<JsonNode?> into)
        {
            switch (node)
            {
                case JsonObject obj when Name is not null:
                    if (obj.TryGetPropertyValue(Name, out var child))
                    {
                        into.Add(child);
                    }

                    break;
                case JsonObject obj when Wildcard:
                    into.AddRange(obj.Select(p => p.Value));
                    break;
                case JsonArray array when Position is { } position:
                    var at = position < 0 ? array.Count + position : position;
                    if (at >= 0 && at < array.Count)
                    {
                        into.Add(array[at]);
                    }

                    break;
                case JsonArray array when Wildcard:
                    into.AddRange(array);
                    break;
            }
        }

        public override string ToString() => Name is not null ? $".{Name}" : Position is { } p ? $"[{p}]" : "[*]";
    }
}
