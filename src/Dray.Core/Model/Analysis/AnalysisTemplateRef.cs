namespace Dray.Core.Model.Analysis;

public sealed record AnalysisTemplateRef
{
    public string? TemplateName { get; init; }

    public bool? ClusterScope { get; init; }
}
