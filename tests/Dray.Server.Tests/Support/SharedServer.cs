namespace Dray.Server.Tests.Support;

/// <summary>One server for the whole "server" collection; tests use their own project names so they do not meet.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    private HttpClient? _admin;
    private ServerHost? _host;

    public ServerHost Host => _host ?? throw new InvalidOperationException("not started");

    public HttpClient Admin => _admin ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _host = await ServerHost.StartAsync();
        _admin = await _host.AdminAsync();
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
