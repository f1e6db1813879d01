namespace Dray.Core.Model.Analysis;

public sealed record AnalysisRunStatus
{
    public AnalysisPhase? Phase { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<MetricResult>? MetricResults { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public RunSummary? RunSummary { get; init; }

    public RunSummary? DryRunSummary { get; init; }
}
