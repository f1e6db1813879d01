using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model.Analysis;
using Dray.Core.Verification;

namespace Dray.Sources.Metrics;

/// <summary>
/// Argo Rollouts' <c>prometheus</c> metric: an instant query; a vector becomes a list of floats as
/// <c>result</c> (so conditions read <c>result[0]</c>), a scalar a single float.
/// </summary>
public sealed class PrometheusMetricProvider(HttpClient client) : IMetricProvider
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public string Name => "prometheus";

    public bool Handles(MetricProvider provider) => provider?.Prometheus is not null;

    public async ValueTask<MetricValue> MeasureAsync(Metric metric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var prometheus = metric.Provider.Prometheus ?? throw new ArgumentException("not a prometheus metric", nameof(metric));
        if (string.IsNullOrWhiteSpace(prometheus.Query))
        {
            return MetricValue.Failed("prometheus metric has no query");
        }

        if (!Uri.TryCreate(prometheus.Address?.TrimEnd('/') + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return MetricValue.Failed($"invalid prometheus address \"{prometheus.Address}\"");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(prometheus.Timeout is > 0 and var s ? TimeSpan.FromSeconds(s) : DefaultTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, $"api/v1/query?query={Uri.EscapeDataString(prometheus.Query)}"));
        foreach (var header in prometheus.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        string text;
        try
        {
            using var response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MetricValue.Failed($"query to {address} timed out");
        }
        catch (HttpRequestException e)
        {
            return MetricValue.Failed($"query to {address} failed: {e.Message}");
        }

        return Parse(text);
    }

    internal static MetricValue Parse(string body)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return MetricValue.Failed($"prometheus answered with invalid JSON: {e.Message}");
        }

        if (json?["status"]?.GetValue<string>() != "success")
        {
            return MetricValue.Failed($"prometheus query failed: {json?["error"]?.GetValue<string>() ?? body}");
        }

        var data = json["data"];
        switch (data?["resultType"]?.GetValue<string>())
        {
            case "vector":
                var samples = data["result"]!.AsArray().Select(r => Sample(r?["value"])).ToList();
                return new MetricValue
                {
                    Result = new JsonArray(samples.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                    Display = "[" + string.Join(",", samples.Select(Format)) + "]",
                };
            case "scalar":
                var value = Sample(data["result"]);
                return new MetricValue { Result = JsonValue.Create(value), Display = Format(value) };
            case var other:
                return MetricValue.Failed($"prometheus result type \"{other}\" is not supported");
        }
    }

    // A sample is [unixTime, "value"]; Prometheus writes NaN and infinities as text.
    private static double Sample(JsonNode? pair) =>
        double.Parse(pair![1]!.GetValue<string>().Replace("Inf", "Infinity", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
