using Dray.Core.Controllers;
using Dray.Core.Resources;

namespace Dray.Server.Controllers;

/// <summary>Runs one reconciler runner for the lifetime of the server.</summary>
internal sealed class ReconcilerHostedService(ReconcilerRunner<ResourceKey> runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
