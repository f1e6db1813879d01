using System.Net;

namespace Dray.TestKit.Infrastructure;

/// <summary>Waits until a freshly started server answers, failing fast (with its output) if it dies instead.</summary>
public static class Readiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="url"/> until a response satisfies <paramref name="isReady"/>.</summary>
    /// <exception cref="TimeoutException">Not ready in time; the message has the server's output.</exception>
    public static async Task WaitForHttpAsync(
        ServerProcess server, Uri url, Func<HttpStatusCode, bool> isReady, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitForHttpAsync(server, client, url, isReady, cancellationToken);
    }

    /// <summary>Polls an <c>https://</c> <paramref name="url"/> whose server must present <paramref name="certificate"/>.</summary>
    public static async Task WaitForHttpsAsync(
        ServerProcess server, Uri url, SelfSignedCertificate certificate, Func<HttpStatusCode, bool> isReady, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => certificate.Matches(presented) },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        await WaitForHttpAsync(server, client, url, isReady, cancellationToken);
    }

    private static async Task WaitForHttpAsync(
        ServerProcess server, HttpClient client, Uri url, Func<HttpStatusCode, bool> isReady, CancellationToken cancellationToken)
    {
        string last = "no response yet";
        while (true)
        {
            server.ThrowIfExited();
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (isReady(response.StatusCode))
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }

            await DelayOrThrowAsync(server, $"{url} to answer (last: {last})", cancellationToken);
        }
    }

    /// <summary>Waits until any HTTP response comes back from <paramref name="url"/>.</summary>
    public static Task WaitForHttpAsync(ServerProcess server, Uri url, CancellationToken cancellationToken) =>
        WaitForHttpAsync(server, url, _ => true, cancellationToken);

    /// <summary>Polls <paramref name="probe"/> until it returns true.</summary>
    public static async Task WaitUntilAsync(
        ServerProcess server, string description, Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        while (!await probe(cancellationToken))
        {
            server.ThrowIfExited();
            await DelayOrThrowAsync(server, description, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="path"/> exists (a unix socket, a pid file).</summary>
    public static async Task WaitForFileAsync(ServerProcess server, string path, CancellationToken cancellationToken)
    {
        while (!File.Exists(path))
        {
            server.ThrowIfExited();
            await DelayOrThrowAsync(server, $"{path} to appear", cancellationToken);
        }
    }

    private static async Task DelayOrThrowAsync(ServerProcess server, string waitingFor, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"{server.Name}: gave up waiting for {waitingFor}\n{server.Diagnostics()}", e);
        }
    }
}
