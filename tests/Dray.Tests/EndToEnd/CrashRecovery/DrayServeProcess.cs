using System.Net;
using System.Net.Sockets;
using Dray.TestKit.Infrastructure;

namespace Dray.Tests.EndToEnd.CrashRecovery;

/// <summary>
/// <c>dray serve</c> as a real child process (the build's <c>dray.dll</c> under <c>dotnet</c>), so that it can die by
/// SIGKILL, by the test's hand or by its own fault injection, without taking the test down.
/// </summary>
public sealed class DrayServeProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private DrayServeProcess(ServerProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.ExitCode;

    public string Diagnostics() => _process.Diagnostics();

    /// <summary>Starts the server on a free port and waits until <c>/healthz</c> answers.</summary>
    /// <param name="environment">Extra environment, e.g. the <c>DRAY_FAULTS_*</c> settings.</param>
    public static async Task<DrayServeProcess> StartAsync(
        string dataDirectory, string adminPassword, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var env = new Dictionary<string, string?>(environment)
        {
            ["DRAY_ADMIN_PASSWORD"] = adminPassword,
            ["DOTNET_gcServer"] = "0",
        };
        var process = ServerProcess.Start(
            "dray serve",
            dotnet,
            [Path.Combine(AppContext.BaseDirectory, "dray.dll"), "serve", "--data", dataDirectory, "--listen", $"127.0.0.1:{port}"],
            new ProcessOptions { WorkingDirectory = dataDirectory, Environment = env });
        var server = new DrayServeProcess(process, url);
        try
        {
            await Readiness.WaitForHttpAsync(process, new Uri(url + "/healthz"), s => s == HttpStatusCode.OK, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the process to end by itself (its fault injection) and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode!.Value;
    }

    public Task KillAsync(CancellationToken cancellationToken) => _process.KillAsync(cancellationToken);

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
