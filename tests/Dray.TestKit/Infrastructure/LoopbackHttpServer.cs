using System.Net;

namespace Dray.TestKit.Infrastructure;

/// <summary>
/// A tiny in-process HTTP server on 127.0.0.1 (HttpListener), for endpoints the real servers call back:
/// a registry token issuer, a Prometheus scrape target.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Func<HttpListenerContext, Task> handler;
    private readonly Task loop;

    private LoopbackHttpServer(HttpListener listener, int port, Func<HttpListenerContext, Task> handler)
    {
        this.listener = listener;
        this.handler = handler;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Listens on a free port; <paramref name="handler"/> answers each request (an exception becomes a 500).</summary>
    public static LoopbackHttpServer Start(Func<HttpListenerContext, Task> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, port, handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding; try the next one.
                listener.Close();
            }
        }
    }

    /// <summary>Writes a complete text response.</summary>
    public static async Task RespondAsync(HttpListenerContext context, int statusCode, string contentType, string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, the managed HttpListener's Close looks the port up again and binds it anew, which
        // fails with "Address already in use" once another process has taken the port.
        listener.Close();
        await loop;
    }

    private async Task AcceptLoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await handler(context);
        }
        catch (Exception e)
        {
            try
            {
                context.Response.StatusCode = 500;
                await using var writer = new StreamWriter(context.Response.OutputStream);
                await writer.WriteAsync(e.ToString());
            }
            catch (Exception e2) when (e2 is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The client went away; nothing to report to.
            }
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Already closed by the handler or the client.
            }
        }
    }
}
