using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model.Analysis;
using Dray.Core.Verification;

namespace Dray.Sources.Metrics;

/// <summary>
/// Argo Rollouts' <c>web</c> metric: one HTTP request, a 2xx answer, and the value at <c>jsonPath</c> (the whole
/// JSON body without one) as <c>result</c>.
/// </summary>
public sealed class WebMetricProvider(HttpClient client) : IMetricProvider
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public string Name => "web";

    public bool Handles(MetricProvider provider) => provider?.Web is not null;

    public async ValueTask<MetricValue> MeasureAsync(Metric metric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var web = metric.Provider.Web ?? throw new ArgumentException("not a web metric", nameof(metric));
        if (!Uri.TryCreate(web.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return MetricValue.Failed($"invalid url \"{web.Url}\"");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(web.TimeoutSeconds is > 0 and var s ? TimeSpan.FromSeconds(s) : DefaultTimeout);
        using var request = new HttpRequestMessage(new HttpMethod(string.IsNullOrEmpty(web.Method) ? "GET" : web.Method), url);
        var contentType = "application/json";
        foreach (var header in web.Headers ?? [])
        {
            if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = header.Value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        var body = web.JsonBody is { } json ? json.GetRawText() : web.Body;
        if (body is not null && request.Method != HttpMethod.Get)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        string text;
        try
        {
            using var response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return MetricValue.Failed($"received non 2xx response code: {(int)response.StatusCode}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MetricValue.Failed($"request to {url} timed out");
        }
        catch (HttpRequestException e)
        {
            return MetricValue.Failed($"request to {url} failed: {e.Message}");
        }

        return Select(text, web.JsonPath);
    }

    internal static MetricValue Select(string body, string? jsonPath)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return string.IsNullOrEmpty(jsonPath)
                ? MetricValue.Of(JsonValue.Create(body))
                : MetricValue.Failed($"response is not JSON: {e.Message}");
        }

        if (string.IsNullOrEmpty(jsonPath))
        {
            return MetricValue.Of(document);
        }

        return JsonPathSelector.TrySelect(document, jsonPath, out var selected, out var error)
            ? MetricValue.Of(selected)
            : MetricValue.Failed(error!);
    }
}
