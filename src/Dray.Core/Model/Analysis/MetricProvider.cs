using System.Text.Json;

namespace Dray.Core.Model.Analysis;

/// <summary>
/// Where a metric's value comes from. Dray runs the web and prometheus providers; the others are kept verbatim so
/// that templates written for Argo Rollouts load and round-trip.
/// </summary>
public sealed record MetricProvider
{
    public WebMetric? Web { get; init; }

    public PrometheusMetric? Prometheus { get; init; }

    public JsonElement? Job { get; init; }

    public JsonElement? Kayenta { get; init; }

    public JsonElement? Datadog { get; init; }

    public JsonElement? NewRelic { get; init; }

    public JsonElement? Wavefront { get; init; }

    public JsonElement? CloudWatch { get; init; }

    public JsonElement? Graphite { get; init; }

    public JsonElement? Influxdb { get; init; }

    public JsonElement? Skywalking { get; init; }

    public JsonElement? Plugin { get; init; }
}
