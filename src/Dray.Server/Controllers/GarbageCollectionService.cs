using Dray.Core.GarbageCollection;

namespace Dray.Server.Controllers;

/// <summary>Runs a garbage collection pass every <see cref="GarbageCollectionOptions.Interval"/>, the first one after one interval.</summary>
internal sealed partial class GarbageCollectionService(
    IServiceScopeFactory scopes, GarbageCollectionOptions options, TimeProvider time, ILogger<GarbageCollectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await scope.ServiceProvider.GetRequiredService<GarbageCollector>().CollectAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Garbage collection pass failed; the next one runs on schedule")]
    private partial void LogFailed(Exception exception);
}
