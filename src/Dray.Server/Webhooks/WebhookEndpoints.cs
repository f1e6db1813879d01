using Dray.Server.Api;
using Dray.Server.Api.Contracts;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/{receiverType}/{token}</c>: inbound deliveries from git hosts and registries. Anonymous in the
/// authorization table; the hard-to-guess path and, where the provider signs, the signature are the checks.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Room for any ordinary delivery: push and registry payloads are a few KB (GitHub caps its own at 25 MB).</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Webhook, ReceiveAsync).WithName("ReceiveWebhook").WithTags("Webhooks");
        return app;
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> ReceiveAsync(
        string receiverType, string token, HttpRequest http, WebhookDispatcher dispatcher, CancellationToken ct)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(http.Body, ct).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }

        var headers = http.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.OfType<string>().ToArray()));
        var outcome = await dispatcher.HandleAsync(receiverType, token, new WebhookRequest(headers, body), ct).ConfigureAwait(false);
        return outcome.StatusCode == StatusCodes.Status200OK
            ? TypedResults.Ok(new WebhookResponse(outcome.Refreshed, outcome.Message))
            : Problems.Status(outcome.StatusCode, outcome.Message);
    }

    private static ProblemHttpResult TooLarge() =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, $"Webhook payloads are limited to {MaxBodyBytes / (1024 * 1024)} MiB.");

    /// <summary>The body, or null when it exceeds the limit (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), ct).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }
}
