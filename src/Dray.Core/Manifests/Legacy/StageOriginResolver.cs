using System.Text.Json.Nodes;

namespace Dray.Core.Manifests.Legacy;

/// <summary>
/// Finds the Warehouse(s) a Stage's Freight ultimately comes from, following legacy <c>upstreamStages</c> chains.
/// Stages of the current apply take precedence over stored ones.
/// </summary>
public sealed class StageOriginResolver
{
    private readonly Dictionary<(string Namespace, string Name), (List<string> Warehouses, List<string> Upstream)> _stages = [];

    /// <summary>Registers a Stage document, legacy or current form; an earlier registration of the same key wins.</summary>
    public void Add(string @namespace, string name, JsonObject stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var warehouses = new List<string>();
        var upstream = new List<string>();
        var spec = stage["spec"] as JsonObject;
        if (spec?["subscriptions"] is JsonObject legacy)
        {
            if (LegacyEdit.Text(legacy["warehouse"]) is { Length: > 0 } warehouse)
            {
                warehouses.Add(warehouse);
            }

            upstream.AddRange((legacy["upstreamStages"] as JsonArray ?? [])
                .Select(u => LegacyEdit.Text((u as JsonObject)?["name"])).OfType<string>());
        }

        foreach (var request in (spec?["requestedFreight"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (LegacyEdit.Text((request["origin"] as JsonObject)?["name"]) is { Length: > 0 } origin)
            {
                warehouses.Add(origin);
            }
        }

        _stages.TryAdd((@namespace, name), (warehouses, upstream));
    }

    /// <summary>The Warehouses, or null with the name of the first Stage in the chain that is not known.</summary>
    public IReadOnlyList<string>? Resolve(string @namespace, string stage, out string? missing)
    {
        missing = null;
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([stage]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            if (!_stages.TryGetValue((@namespace, current), out var entry))
            {
                missing = current;
                return null;
            }

            result.UnionWith(entry.Warehouses);
            foreach (var up in entry.Upstream)
            {
                pending.Push(up);
            }
        }

        return [.. result];
    }
}
