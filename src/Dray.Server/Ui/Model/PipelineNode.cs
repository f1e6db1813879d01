namespace Dray.Server.Ui.Model;

/// <summary>One Stage as the layering sees it: the Warehouses it takes Freight from directly and its upstream Stages.</summary>
public sealed record PipelineNode(string Name, IReadOnlyList<string> DirectWarehouses, IReadOnlyList<string> UpstreamStages);
