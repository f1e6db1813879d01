namespace Dray.Core.Model.Analysis;

public sealed record Measurement
{
    public required AnalysisPhase Phase { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the next measurement is due.</summary>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>The measured value, as text (a JSON rendering for structured results).</summary>
    public string? Value { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
