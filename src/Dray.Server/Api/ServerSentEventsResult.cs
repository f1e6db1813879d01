using System.Globalization;
using System.Reflection;
using System.Text;
using Dray.Core.Storage;
using Microsoft.AspNetCore.Http.Metadata;

namespace Dray.Server.Api;

/// <summary>
/// Streams store changes as server-sent events (<c>id:</c> revision, <c>event:</c> ADDED|MODIFIED|DELETED,
/// <c>data:</c> one-line JSON), with a comment line whenever the stream has been idle for the heartbeat interval.
/// </summary>
public sealed class ServerSentEventsResult(
    IAsyncEnumerable<ResourceChange> changes,
    Func<ResourceChange, string?> render,
    TimeSpan heartbeat,
    TimeProvider timeProvider) : IResult, IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var cancellationToken = httpContext.RequestAborted;
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);

        var enumerator = changes.GetAsyncEnumerator(cancellationToken);
        try
        {
            var next = enumerator.MoveNextAsync().AsTask();
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(heartbeat, timeProvider, idle.Token);
                var finished = await Task.WhenAny(next, delay).ConfigureAwait(false);
                if (finished == next)
                {
                    await idle.CancelAsync().ConfigureAwait(false);
                    if (!await next.ConfigureAwait(false))
                    {
                        return;
                    }

                    var change = enumerator.Current;
                    next = enumerator.MoveNextAsync().AsTask();
                    if (render(change) is { } data)
                    {
                        await WriteAsync(response, Format(change, data), cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the normal end of a watch.
        }
        catch (WatchRevisionExpiredException e)
        {
            // Headers are already sent, so "410 Gone" travels as a final event, as a Kubernetes watch does it.
            var gone = new System.Text.Json.Nodes.JsonObject { ["status"] = StatusCodes.Status410Gone, ["title"] = "Gone", ["detail"] = e.Message };
            await WriteAsync(response, $"event: ERROR\ndata: {gone.ToJsonString()}\n\n", CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Format(ResourceChange change, string data)
    {
        var type = change.Type switch
        {
            ChangeType.Added => "ADDED",
            ChangeType.Modified => "MODIFIED",
            _ => "DELETED",
        };
        return string.Create(CultureInfo.InvariantCulture, $"id: {change.Revision}\nevent: {type}\ndata: {data}\n\n");
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
