namespace Dray.Core.Model.Analysis;

public sealed record MetricResult
{
    public required string Name { get; init; }

    public required AnalysisPhase Phase { get; init; }

    /// <summary>Measurements, oldest first, trimmed to the retention limit.</summary>
    public IReadOnlyList<Measurement>? Measurements { get; init; }

    public string? Message { get; init; }

    public int? Count { get; init; }

    public int? Successful { get; init; }

    public int? Failed { get; init; }

    public int? Inconclusive { get; init; }

    public int? Error { get; init; }

    public int? ConsecutiveError { get; init; }

    public int? ConsecutiveSuccess { get; init; }

    public bool? DryRun { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
