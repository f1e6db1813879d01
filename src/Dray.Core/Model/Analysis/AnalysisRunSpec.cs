namespace Dray.Core.Model.Analysis;

public sealed record AnalysisRunSpec
{
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <summary>Arguments with their resolved values.</summary>
    public IReadOnlyList<Argument>? Args { get; init; }

    /// <summary>Set to stop the run; it then finishes with the results so far.</summary>
    public bool? Terminate { get; init; }

    public IReadOnlyList<DryRun>? DryRun { get; init; }

    public IReadOnlyList<MeasurementRetention>? MeasurementRetention { get; init; }
}
