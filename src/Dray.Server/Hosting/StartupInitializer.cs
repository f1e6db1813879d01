using Dray.Core.Storage;
using Dray.Server.Security;
using Microsoft.Extensions.Options;

namespace Dray.Server.Hosting;

/// <summary>Opens the store, prepares <c>auth.db</c> and the admin password, then marks the server ready.</summary>
public sealed class StartupInitializer(
    IResourceStore store,
    AuthStore authStore,
    IOptions<DrayServerOptions> options,
    ServerConsole console,
    ReadinessState readiness,
    ILogger<StartupInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var revision = await store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        ServerLog.StoreOpened(logger, revision);
        await authStore.InitializeAsync(cancellationToken).ConfigureAwait(false);

        var configured = options.Value.AdminPassword;
        var stored = await authStore.GetAdminPasswordHashAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(configured))
        {
            if (stored is null || !PasswordHasher.Verify(configured, stored))
            {
                await authStore.SetAdminPasswordHashAsync(PasswordHasher.Hash(configured), cancellationToken).ConfigureAwait(false);
                ServerLog.AdminPasswordConfigured(logger);
            }
        }
        else if (stored is null)
        {
            var generated = SecretTokens.NewPassword();
            await authStore.SetAdminPasswordHashAsync(PasswordHasher.Hash(generated), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"admin password: {generated}".AsMemory(), cancellationToken).ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            ServerLog.AdminPasswordGenerated(logger);
        }

        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
