using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Dray.Steps.ApiClients;

/// <summary>
/// Sends JSON requests through a Polly pipeline (5xx, 408, 429, timeouts and connection failures are retried with
/// backoff) and returns the response for the caller to interpret. Secrets passed in are scrubbed from every message.
/// </summary>
public sealed partial class ApiTransport
{
    private readonly HttpClient _http;
    private readonly string _service;
    private readonly Action<HttpRequestHeaders> _authenticate;
    private readonly IReadOnlyList<string> _secrets;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;

    public ApiTransport(
        HttpClient http,
        string service,
        Action<HttpRequestHeaders> authenticate,
        IEnumerable<string?> secrets,
        ApiTransportOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _service = service;
        _authenticate = authenticate;
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    LogRetry(_logger, _service, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public string Service => _service;

    public async Task<ApiResponse> SendAsync(HttpMethod method, Uri uri, JsonNode? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var payload = body?.ToJsonString();
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, uri);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    _authenticate(request.Headers);
                    if (payload is not null)
                    {
                        request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                    }

                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                },
                ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                  || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new ApiException(Scrub($"{_service}: {method} {uri.AbsolutePath} failed: {e.Message}"), null, terminal: false, e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            if (text.Length > 0)
            {
                try
                {
                    json = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    json = null;
                }
            }

            var result = new ApiResponse(response.StatusCode, json, text);
            if (IsTransient(response.StatusCode))
            {
                throw Failure(result, $"{method} {uri.AbsolutePath}");
            }

            return result;
        }
    }

    /// <summary>An error for a response the caller could not accept, carrying the server's own explanation.</summary>
    public ApiException Failure(ApiResponse response, string action)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " (the token is missing, invalid or expired)",
            HttpStatusCode.Forbidden => " (the token lacks permission for this repository or operation)",
            HttpStatusCode.NotFound => " (not found, or not visible to this token)",
            _ => string.Empty,
        };
        var detail = Detail(response);
        var message = $"{_service}: {action} failed with HTTP {status} {response.StatusCode}{hint}"
            + (detail.Length > 0 ? $": {detail}" : string.Empty);
        return new ApiException(Scrub(message), response.StatusCode, terminal: !IsTransient(response.StatusCode));
    }

    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static bool IsTransient(HttpStatusCode code) =>
        (int)code >= 500 || code is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static string Detail(ApiResponse response)
    {
        if (response.Body is JsonObject o)
        {
            var parts = new List<string>();
            foreach (var key in new[] { "message", "error", "error_description", "errorMessage" })
            {
                if (o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0)
                {
                    parts.Add(s);
                }
                else if (o[key] is JsonObject nested && nested["message"] is JsonValue nv && nv.TryGetValue<string>(out var ns))
                {
                    parts.Add(ns);
                }
                else if (o[key] is JsonArray arr)
                {
                    parts.Add(arr.ToJsonString());
                }
            }

            if (o["errors"] is JsonArray errors)
            {
                parts.Add("errors: " + errors.ToJsonString());
            }

            if (parts.Count > 0)
            {
                return Truncate(string.Join("; ", parts));
            }
        }

        return Truncate(response.Text.Trim());
    }

    private static string Truncate(string s) => s.Length <= 500 ? s : s[..500] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service}: retry {Attempt} after HTTP {Status}, waiting {Delay}")]
    private static partial void LogRetry(ILogger logger, string service, int attempt, int? status, TimeSpan delay);
}
