namespace Dray.Core.Model.Analysis;

public sealed record AnalysisTemplateSpec
{
    public IReadOnlyList<Metric>? Metrics { get; init; }

    /// <summary>Declared arguments; Stage verification may set only these.</summary>
    public IReadOnlyList<Argument>? Args { get; init; }

    /// <summary>Other templates whose metrics and args are merged into this one.</summary>
    public IReadOnlyList<AnalysisTemplateRef>? Templates { get; init; }

    public IReadOnlyList<DryRun>? DryRun { get; init; }

    public IReadOnlyList<MeasurementRetention>? MeasurementRetention { get; init; }
}
