using System.Net;
using System.Text;
using Dray.Core.Durations;
using Dray.Core.Steps;

namespace Dray.Steps.Http;

/// <summary>
/// <c>http</c>: sends one request per run and decides from the response (§3.5). Transport failures, timeouts, 5xx,
/// 408 and 429 are retryable errors; a failure expression that holds, or any other non-2xx answer when no expression
/// is set, is a terminal failure; a success expression that does not hold yet means Running, polled again.
/// Messages name the method and the URL without its query, which may carry tokens.
/// </summary>
public sealed class HttpStep(HttpClients clients, HttpStepOptions options) : PromotionStep<HttpStepConfig>
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(10);

    protected override async ValueTask<StepResult> RunAsync(StepContext context, HttpStepConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var uri = BuildUri(config);
        var target = $"{config.Method} {uri.GetLeftPart(UriPartial.Path)}";
        if (!options.AllowMetadataAddresses
            && (HttpAddressPolicy.IsRefusedHost(uri.IdnHost) || (IPAddress.TryParse(uri.IdnHost, out var ip) && HttpAddressPolicy.IsRefused(ip))))
        {
            return StepResult.Failed($"{target}: link-local and cloud metadata addresses are refused", terminal: true);
        }

        using var request = BuildRequest(config, uri);
        var timeout = GoDuration.TryParse(config.Timeout, out var t) ? t : DefaultTimeout;
        using var timer = new CancellationTokenSource(timeout, context.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        var client = config.InsecureSkipTLSVerify ? clients.Insecure : clients.Verified;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(response, linked.Token).ConfigureAwait(false);
            if (body is null)
            {
                return StepResult.Failed($"{target}: the response is larger than {options.MaxResponseBytes} bytes", terminal: true);
            }

            var pollInterval = GoDuration.TryParse(config.PollInterval, out var p) && p > MinPollInterval ? p : MinPollInterval;
            return HttpOutcome.Decide(config, target, response, body, context.TimeProvider, pollInterval);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return StepResult.Errored($"{target}: no response within {GoDuration.Format(timeout)}");
        }
        catch (HttpRequestException e) when (e.InnerException is HttpAddressRefusedException refused)
        {
            return StepResult.Failed($"{target}: {refused.Message}", terminal: true);
        }
        catch (HttpRequestException e)
        {
            return StepResult.Errored($"{target}: {e.Message}");
        }
    }

    private static Uri BuildUri(HttpStepConfig config)
    {
        var builder = new UriBuilder(config.Url);
        if (config.QueryParams is { Count: > 0 } parameters)
        {
            var query = new StringBuilder(builder.Query.TrimStart('?'));
            foreach (var parameter in parameters)
            {
                query.Append(query.Length == 0 ? "" : "&")
                    .Append(Uri.EscapeDataString(parameter.Name)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
            }

            builder.Query = query.ToString();
        }

        return builder.Uri;
    }

    private static HttpRequestMessage BuildRequest(HttpStepConfig config, Uri uri)
    {
        var request = new HttpRequestMessage(new HttpMethod(config.Method), uri);
        if (config.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(config.Body));
        }

        foreach (var header in config.Headers ?? [])
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                // Content headers such as Content-Type belong to the body.
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }

        return request;
    }

    /// <summary>The body as text, or null when it exceeds the limit.</summary>
    private async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > options.MaxResponseBytes)
                {
                    return null;
                }

                await buffer.WriteAsync(chunk.AsMemory(0, read), ct).ConfigureAwait(false);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
