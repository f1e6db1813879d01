namespace Dray.Core.Model.Analysis;

/// <summary>Metrics (by name or regex) whose results do not affect the run's outcome.</summary>
public sealed record DryRun
{
    public required string MetricName { get; init; }
}
