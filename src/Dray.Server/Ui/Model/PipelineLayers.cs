namespace Dray.Server.Ui.Model;

/// <summary>
/// Layers of the pipeline DAG: Warehouses are layer 0; a Stage fed directly sits one right of the Warehouses, a Stage
/// fed by other Stages one right of its furthest upstream Stage.
/// </summary>
public static class PipelineLayers
{
    /// <returns>The layer of every Stage (Warehouses are always 0 and not listed).</returns>
    /// <remarks>Unknown upstream Stages count as layer 0; a Stage caught in a cycle is placed at layer 1.</remarks>
    public static IReadOnlyDictionary<string, int> Compute(IReadOnlyList<PipelineNode> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var byName = new Dictionary<string, PipelineNode>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            byName.TryAdd(stage.Name, stage);
        }

        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in byName.Keys)
        {
            LayerOf(stage, byName, layers, visiting);
        }

        return layers;
    }

    private static int LayerOf(string name, Dictionary<string, PipelineNode> byName, Dictionary<string, int> layers, HashSet<string> visiting)
    {
        if (layers.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!byName.TryGetValue(name, out var node))
        {
            return 0;
        }

        if (!visiting.Add(name))
        {
            return 0;
        }

        var layer = 1;
        foreach (var upstream in node.UpstreamStages)
        {
            layer = Math.Max(layer, LayerOf(upstream, byName, layers, visiting) + 1);
        }

        visiting.Remove(name);
        layers[name] = layer;
        return layer;
    }
}
