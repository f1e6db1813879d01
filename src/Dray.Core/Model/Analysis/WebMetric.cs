using System.Text.Json;

namespace Dray.Core.Model.Analysis;

public sealed record WebMetric
{
    public required string Url { get; init; }

    /// <summary><c>GET</c> (default), <c>POST</c> or <c>PUT</c>.</summary>
    public string? Method { get; init; }

    public IReadOnlyList<WebMetricHeader>? Headers { get; init; }

    public string? Body { get; init; }

    /// <summary>A JSON body, sent instead of <see cref="Body"/>; opaque.</summary>
    public JsonElement? JsonBody { get; init; }

    public long? TimeoutSeconds { get; init; }

    /// <summary>A JSONPath selecting the value from the response, e.g. <c>{$.data.ok}</c>.</summary>
    public string? JsonPath { get; init; }

    public bool? Insecure { get; init; }

    public MetricAuthentication? Authentication { get; init; }
}
