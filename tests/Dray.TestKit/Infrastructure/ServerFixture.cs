using Xunit;

namespace Dray.TestKit.Infrastructure;

/// <summary>
/// Base of every real-server fixture (xunit class or collection fixture). A missing binary makes the tests skip with
/// a message that names the apt package, unless <see cref="TestEnvironment.RequireInfra"/> is set: then it fails.
/// Tests that use a fixture are <c>[SkippableFact]</c>s; every public member of a fixture calls
/// <see cref="EnsureAvailable"/> first.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private string? unavailableReason;

    /// <summary>Whether a missing binary fails instead of skipping; from <see cref="TestEnvironment.RequireInfra"/>.</summary>
    protected virtual bool RequireInfra => TestEnvironment.RequireInfra;

    /// <summary>How long a server may take to start, including the wait for readiness.</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await StartAsync(timeout.Token);
        }
        catch (InfraMissingException e) when (!RequireInfra)
        {
            unavailableReason = e.Message;
            await StopAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose initialization threw: stop what did start.
            await StopAsync();
            throw;
        }
    }

    public async Task DisposeAsync() => await StopAsync();

    /// <exception cref="SkipException">The server's binary is missing on this machine.</exception>
    protected void EnsureAvailable()
    {
        if (unavailableReason is not null)
        {
            throw new SkipException(unavailableReason);
        }
    }

    /// <summary>Starts the server and returns once it answers. Throws <see cref="InfraMissingException"/> for a missing binary.</summary>
    protected abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops everything started so far; must tolerate a partial start.</summary>
    protected abstract ValueTask StopAsync();
}
