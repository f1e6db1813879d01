namespace Dray.Core.Model.Stages;

public sealed record AnalysisRunReference
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Phase { get; init; }
}
