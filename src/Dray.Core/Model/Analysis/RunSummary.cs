namespace Dray.Core.Model.Analysis;

/// <summary>Counts of metrics by outcome.</summary>
public sealed record RunSummary
{
    public int? Count { get; init; }

    public int? Successful { get; init; }

    public int? Failed { get; init; }

    public int? Inconclusive { get; init; }

    public int? Error { get; init; }
}
