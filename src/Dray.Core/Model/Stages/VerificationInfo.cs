namespace Dray.Core.Model.Stages;

public sealed record VerificationInfo
{
    public string? Id { get; init; }

    public string? Actor { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public VerificationPhase? Phase { get; init; }

    public string? Message { get; init; }

    public AnalysisRunReference? AnalysisRun { get; init; }

    public DateTimeOffset? FinishTime { get; init; }
}
