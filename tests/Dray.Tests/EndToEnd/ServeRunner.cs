using System.Net;
using System.Net.Sockets;
using Dray.Cli;
using Dray.Cli.Infrastructure;

namespace Dray.Tests.EndToEnd;

/// <summary>Runs <c>dray serve</c> through the real CLI entry point on a free 127.0.0.1 port until disposed.</summary>
public sealed class ServeRunner : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _log = new();
    private readonly Task<int> _serve;

    private ServeRunner(string home, int port, string[] args)
    {
        Url = $"http://127.0.0.1:{port}";
        var log = TextWriter.Synchronized(_log);
        var ctx = new CliContext(log, log, TextReader.Null, false, _ => null, home, home, TimeProvider.System);
        _serve = DrayApp.RunAsync(args, ctx, _stop.Token);
    }

    public string Url { get; }

    /// <summary>Starts the server and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServeRunner> StartAsync(string home, string dataDirectory, string? adminPassword)
    {
        var port = FreePort();
        string[] args = ["serve", "--data", dataDirectory, "--listen", $"127.0.0.1:{port}"];
        if (adminPassword is not null)
        {
            args = [.. args, "--admin-password", adminPassword];
        }

        var runner = new ServeRunner(home, port, args);
        using var http = new HttpClient();
        // 60 s: a cold start (JIT, migrations, UI assets) on a loaded machine can take many seconds.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !runner._serve.IsCompleted)
        {
            try
            {
                if ((await http.GetAsync(new Uri(runner.Url + "/healthz"))).IsSuccessStatusCode)
                {
                    return runner;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var log = runner._log.ToString();
        await runner.DisposeAsync();
        throw new InvalidOperationException("dray serve did not become healthy:\n" + log);
    }

    /// <summary>Stops the server as Ctrl+C would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _serve;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_serve.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
        await _log.DisposeAsync();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
