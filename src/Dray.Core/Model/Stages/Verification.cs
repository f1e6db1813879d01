namespace Dray.Core.Model.Stages;

public sealed record Verification
{
    public IReadOnlyList<AnalysisTemplateReference>? AnalysisTemplates { get; init; }

    /// <summary>Labels and annotations copied onto each AnalysisRun.</summary>
    public AnalysisRunMetadata? AnalysisRunMetadata { get; init; }

    public IReadOnlyList<AnalysisRunArgument>? Args { get; init; }
}
