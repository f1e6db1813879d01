namespace Dray.Core.Model.Stages;

/// <summary>A verification argument; the value may contain <c>${{ }}</c> expressions.</summary>
public sealed record AnalysisRunArgument
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}
