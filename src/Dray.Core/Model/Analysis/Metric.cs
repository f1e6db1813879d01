namespace Dray.Core.Model.Analysis;

/// <summary>
/// One measurement to take repeatedly. Conditions are Argo Rollouts expressions over <c>result</c>; the limits
/// may be numbers or argument templates.
/// </summary>
public sealed record Metric
{
    public required string Name { get; init; }

    /// <summary>Time between measurements, as a Go duration; unset means measure once.</summary>
    public string? Interval { get; init; }

    public string? InitialDelay { get; init; }

    public IntOrString? Count { get; init; }

    public string? SuccessCondition { get; init; }

    public string? FailureCondition { get; init; }

    public IntOrString? FailureLimit { get; init; }

    public IntOrString? InconclusiveLimit { get; init; }

    public IntOrString? ConsecutiveErrorLimit { get; init; }

    public IntOrString? ConsecutiveSuccessLimit { get; init; }

    public required MetricProvider Provider { get; init; }
}
