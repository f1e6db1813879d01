namespace Dray.Core.Model.Analysis;

/// <summary>A range query; each field is a Prometheus time expression such as <c>now() - 5m</c>.</summary>
public sealed record PrometheusRangeQuery
{
    public string? Start { get; init; }

    public string? End { get; init; }

    public string? Step { get; init; }
}
