using System.Text.Json.Nodes;
using Dray.Core.Manifests.Legacy;

namespace Dray.Core.Manifests.Checks;

/// <summary>
/// The upstream graph of the Stages of one project: stored Stages overlaid with those of the apply.
/// A cycle is reported once, on a Stage of the apply, naming the whole cycle.
/// </summary>
public sealed class StageGraph
{
    private readonly Dictionary<string, List<string>> _upstream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManifestDocument> _applied = new(StringComparer.Ordinal);

    public void AddStored(string name, JsonObject stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (!_applied.ContainsKey(name))
        {
            _upstream[name] = Upstream(stage).Select(u => u.Stage).ToList();
        }
    }

    public void AddApplied(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _applied[document.Name] = document;
        _upstream[document.Name] = Upstream(document.Json).Select(u => u.Stage).ToList();
    }

    public void ReportCycles(ManifestDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        var stack = new List<string>();
        foreach (var start in _upstream.Keys.Order(StringComparer.Ordinal))
        {
            Visit(start, state, stack, reported, diagnostics);
        }
    }

    private void Visit(string node, Dictionary<string, int> state, List<string> stack, HashSet<string> reported, ManifestDiagnostics diagnostics)
    {
        if (state.TryGetValue(node, out var s) && s == 2)
        {
            return;
        }

        state[node] = 1;
        stack.Add(node);
        foreach (var next in _upstream.GetValueOrDefault(node) ?? [])
        {
            if (state.GetValueOrDefault(next) == 1)
            {
                Report(stack[stack.IndexOf(next)..], reported, diagnostics);
            }
            else if (_upstream.ContainsKey(next))
            {
                Visit(next, state, stack, reported, diagnostics);
            }
        }

        stack.RemoveAt(stack.Count - 1);
        state[node] = 2;
    }

    private void Report(List<string> cycle, HashSet<string> reported, ManifestDiagnostics diagnostics)
    {
        // Edges point downstream -> upstream; name the cycle in promotion order, upstream first.
        var flow = Enumerable.Reverse(cycle).ToList();
        var rotation = flow.IndexOf(flow.Min(StringComparer.Ordinal)!);
        flow = [.. flow[rotation..], .. flow[..rotation]];
        var text = string.Join(" -> ", flow.Append(flow[0]));
        if (!reported.Add(text))
        {
            return;
        }

        var owner = flow.FirstOrDefault(_applied.ContainsKey);
        if (owner is null)
        {
            return;
        }

        var document = _applied[owner];
        var upstreamOfOwner = flow[(flow.IndexOf(owner) + flow.Count - 1) % flow.Count];
        var edge = Upstream(document.Json).FirstOrDefault(u => u.Stage == upstreamOfOwner);
        diagnostics.Add(document.Error(edge.Path ?? "spec.requestedFreight", $"the Stage graph has a cycle: {text}"));
    }

    private static IEnumerable<(string Stage, string? Path)> Upstream(JsonObject stage)
    {
        var requests = (stage["spec"] as JsonObject)?["requestedFreight"] as JsonArray ?? [];
        for (var i = 0; i < requests.Count; i++)
        {
            var stages = ((requests[i] as JsonObject)?["sources"] as JsonObject)?["stages"] as JsonArray ?? [];
            for (var j = 0; j < stages.Count; j++)
            {
                if (LegacyEdit.Text(stages[j]) is { } name)
                {
                    yield return (name, $"spec.requestedFreight[{i}].sources.stages[{j}]");
                }
            }
        }
    }
}
