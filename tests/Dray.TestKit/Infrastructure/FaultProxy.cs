using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dray.TestKit.Infrastructure;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real server, like a load balancer. Passing through, it copies bytes both ways
/// untouched (so auth, chunking and keep-alive are the server's own). Switched by <see cref="FailWith"/>, it drops every
/// open connection and answers each new request with that HTTP status, as a gateway whose backend is sick does.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly int targetPort;
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly HashSet<TcpClient> forwarding = [];
    private readonly Task loop;
    private int? failStatus;
    private int failedRequests;

    private FaultProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>, for image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public Uri BaseUri => new($"http://{Host}/");

    /// <summary>How many requests were answered with the failure status so far.</summary>
    public int FailedRequests => Volatile.Read(ref failedRequests);

    /// <summary>Forwards to <c>127.0.0.1:<paramref name="targetPort"/></c> until switched.</summary>
    public static FaultProxy Start(int targetPort) => new(targetPort);

    /// <summary>From now on every request gets <paramref name="statusCode"/>; connections being forwarded are cut.</summary>
    public void FailWith(int statusCode)
    {
        List<TcpClient> cut;
        lock (gate)
        {
            failStatus = statusCode;
            cut = [.. forwarding];
            forwarding.Clear();
        }

        foreach (var client in cut)
        {
            client.Dispose();
        }
    }

    /// <summary>Forwards again.</summary>
    public void PassThrough()
    {
        lock (gate)
        {
            failStatus = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        lock (gate)
        {
            foreach (var client in forwarding)
            {
                client.Dispose();
            }

            forwarding.Clear();
        }

        stop.Dispose();
    }

    private static string Reason(int status) => status switch
    {
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        int? status;
        lock (gate)
        {
            status = failStatus;
            if (status is null)
            {
                forwarding.Add(client);
            }
        }

        try
        {
            if (status is { } code)
            {
                await AnswerAsync(client, code);
            }
            else
            {
                await ForwardAsync(client);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Either side went away, or the proxy was switched or stopped; the connection simply ends.
        }
        finally
        {
            lock (gate)
            {
                forwarding.Remove(client);
            }

            client.Dispose();
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
        var downstream = client.GetStream();
        var server = upstream.GetStream();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var up = downstream.CopyToAsync(server, done.Token);
        var down = server.CopyToAsync(downstream, done.Token);
        await Task.WhenAny(up, down);
        await done.CancelAsync();
    }

    /// <summary>Reads the request head first, so that closing does not reset the connection under the client's feet.</summary>
    private async Task AnswerAsync(TcpClient client, int status)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var stream = client.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && head.Length < 65536)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Interlocked.Increment(ref failedRequests);
        var body = Encoding.UTF8.GetBytes($"{status} {Reason(status)} (dray test proxy)\n");
        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(response, timeout.Token);
        await stream.WriteAsync(body, timeout.Token);
        client.Client.Shutdown(SocketShutdown.Send);
        while (await stream.ReadAsync(buffer, timeout.Token) > 0)
        {
            // Drain what the client still sends (a request body) until it closes its side.
        }
    }
}
