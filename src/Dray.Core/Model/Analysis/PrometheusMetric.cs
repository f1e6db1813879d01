namespace Dray.Core.Model.Analysis;

public sealed record PrometheusMetric
{
    public string? Address { get; init; }

    public string? Query { get; init; }

    public PrometheusRangeQuery? RangeQuery { get; init; }

    /// <summary>Query timeout in seconds.</summary>
    public long? Timeout { get; init; }

    public bool? Insecure { get; init; }

    public IReadOnlyList<WebMetricHeader>? Headers { get; init; }

    public MetricAuthentication? Authentication { get; init; }
}
