namespace Dray.Server.Ui.Model;

/// <summary>Places Warehouses and Stages in columns by layer and connects them; pure, so the page only draws it.</summary>
public sealed record PipelineGeometry(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, int Width, int Height)
{
    public const int CardWidth = 300;
    public const int CardHeight = 172;
    public const int CollapsedHeight = 64;
    public const int ColumnGap = 72;
    public const int RowGap = 16;

    /// <param name="warehouses">Warehouse names, all drawn in layer 0.</param>
    /// <param name="stages">All Stages of the project; layers are computed over all of them.</param>
    /// <param name="nameFilter">Only Stages whose name contains this (case-insensitive) are drawn.</param>
    /// <param name="collapsed">Draw small cards.</param>
    public static PipelineGeometry Compute(IReadOnlyList<string> warehouses, IReadOnlyList<StageView> stages, string? nameFilter, bool collapsed)
    {
        ArgumentNullException.ThrowIfNull(warehouses);
        ArgumentNullException.ThrowIfNull(stages);
        var height = collapsed ? CollapsedHeight : CardHeight;
        var layers = PipelineLayers.Compute([.. stages.Select(s => s.Node)]);
        var shown = stages
            .Where(s => string.IsNullOrWhiteSpace(nameFilter) || s.Name.Contains(nameFilter.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(s => (Layer: layers.GetValueOrDefault(s.Name, 1), Stage: (StageView?)s, s.Name));
        var columns = warehouses.Order(StringComparer.Ordinal).Select(w => (Layer: 0, Stage: (StageView?)null, Name: w))
            .Concat(shown)
            .GroupBy(n => n.Layer)
            .OrderBy(g => g.Key);

        var nodes = new List<GraphNode>();
        var rows = 0;
        var column = 0;
        foreach (var layer in columns)
        {
            var row = 0;
            foreach (var (layerIndex, stage, name) in layer.OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                nodes.Add(new GraphNode(name, stage, layerIndex, column * (CardWidth + ColumnGap), row * (height + RowGap), CardWidth, height));
                row++;
            }

            rows = Math.Max(rows, row);
            column++;
        }

        var byKey = nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        var edges = new List<GraphEdge>();
        foreach (var node in nodes.Where(n => n.Stage is not null))
        {
            var sources = node.Stage!.Node.DirectWarehouses.Select(w => "warehouse/" + w)
                .Concat(node.Stage.Node.UpstreamStages.Select(s => "stage/" + s));
            edges.AddRange(sources.Select(byKey.GetValueOrDefault).OfType<GraphNode>().Select(from => new GraphEdge(from, node)));
        }

        return new PipelineGeometry(
            nodes,
            edges,
            Math.Max(0, (column * (CardWidth + ColumnGap)) - ColumnGap),
            Math.Max(0, (rows * (height + RowGap)) - RowGap));
    }
}
