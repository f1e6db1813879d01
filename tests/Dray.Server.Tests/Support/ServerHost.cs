using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Dray.Server.Tests.Support;

/// <summary>A real Dray server on 127.0.0.1 with a fresh data directory (real SQLite store, real auth.db).</summary>
public sealed class ServerHost : IAsyncDisposable
{
    public const string AdminPassword = "correct horse battery staple";

    private readonly bool _ownsDirectory;

    private ServerHost(WebApplication app, string dataDirectory, bool ownsDirectory, StringWriter output, LogCapture logs)
    {
        _ownsDirectory = ownsDirectory;
        App = app;
        DataDirectory = dataDirectory;
        Output = output;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public StringWriter Output { get; }

    public LogCapture Logs { get; }

    public Uri BaseAddress { get; }

    public static async Task<ServerHost> StartAsync(
        string? dataDirectory = null, string? adminPassword = AdminPassword, Action<DrayServerOptions>? tweak = null, Action<WebApplicationBuilder>? configure = null)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("dray-server-tests-").FullName;
        var options = new DrayServerOptions
        {
            DataDirectory = dataDirectory,
            ListenAddress = "127.0.0.1:0",
            AdminPassword = adminPassword,
            WatchHeartbeatInterval = TimeSpan.FromMilliseconds(300),
            Controllers = false,
        };
        tweak?.Invoke(options);
        var output = new StringWriter();
        var logs = new LogCapture();
        var app = DrayServer.Build(options, output, b =>
        {
            // LogCapture sees every level; the console (the CI log) only warnings and errors, not every request.
            b.Logging.SetMinimumLevel(LogLevel.Trace);
            b.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
            b.Logging.AddProvider(logs);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return new ServerHost(app, dataDirectory, ownsDirectory, output, logs);
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> AdminAsync(string password = AdminPassword)
    {
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/login", new { password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginBody>();
        return WithToken(login!.Token);
    }

    /// <summary>Creates an API token with the admin client and returns a client that uses it.</summary>
    public async Task<HttpClient> TokenClientAsync(HttpClient admin, string name, string role, string? project = null)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name, role, project });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedTokenBody>();
        return WithToken(created!.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed record LoginBody(string Token, DateTimeOffset ExpiresAt);

    public sealed record CreatedTokenBody(string Name, string Role, string? Project, string Token);
}
