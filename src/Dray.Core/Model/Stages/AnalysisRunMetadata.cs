namespace Dray.Core.Model.Stages;

public sealed record AnalysisRunMetadata
{
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
