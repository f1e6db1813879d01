namespace Dray.Core.Model.Stages;

public sealed record AnalysisTemplateReference
{
    public required string Name { get; init; }

    /// <summary>Defaults to <see cref="AnalysisTemplateKind.AnalysisTemplate"/>.</summary>
    public AnalysisTemplateKind? Kind { get; init; }
}
