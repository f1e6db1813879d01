using Dray.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Dray.Tests.EndToEnd;

/// <summary>A real Dray server in this process on 127.0.0.1:0 with a temp data directory, and a CLI harness to drive it.</summary>
public abstract class InProcessServerTest : IAsyncLifetime
{
    protected const string Password = "e2e-admin-password";
    private WebApplication _server = null!;

    protected CliHarness Cli { get; } = new();

    protected string Url { get; private set; } = "";

    protected string DataDirectory => Path.Combine(Cli.Home, "data");

    public async Task InitializeAsync()
    {
        var options = new DrayServerOptions { DataDirectory = DataDirectory, ListenAddress = "127.0.0.1:0", AdminPassword = Password };
        _server = DrayServer.Build(options, TextWriter.Null, b => b.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning));
        await _server.StartAsync();
        Url = _server.Urls.First();
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        Cli.Dispose();
    }
}
