using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Controllers;

/// <summary>
/// Runs one reconciler: queues every key at start, follows the store's change feed from that moment, queues every
/// key again each <see cref="ReconcilerRunnerOptions{TKey}.ResyncPeriod"/>, and lets N workers reconcile keys, each
/// in its own DI scope and logging scope. Host it in a BackgroundService: <c>ExecuteAsync =&gt; runner.RunAsync(ct)</c>.
/// </summary>
public sealed class ReconcilerRunner<TKey>
    where TKey : notnull
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IResourceStore _store;
    private readonly ReconcilerRunnerOptions<TKey> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ReconcilerRunner(
        IServiceScopeFactory scopes,
        IResourceStore store,
        WorkQueue<TKey> queue,
        ReconcilerRunnerOptions<TKey> options,
        TimeProvider timeProvider,
        ILogger<ReconcilerRunner<TKey>> logger)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        _scopes = scopes;
        _store = store;
        Queue = queue;
        _options = options;
        _time = timeProvider;
        _logger = logger;
    }

    public WorkQueue<TKey> Queue { get; }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var revision = await EnqueueAllUntilListedAsync(cancellationToken).ConfigureAwait(false);
            var tasks = new List<Task> { FollowChangesAsync(revision, cancellationToken), ResyncAsync(cancellationToken) };
            tasks.AddRange(Enumerable.Range(0, _options.Workers).Select(_ => WorkAsync(cancellationToken)));
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// <see cref="EnqueueAllAsync"/> until it succeeds: a store that fails to list (at start, or after the change feed
    /// expired) is retried, never allowed to stop the runner and with it the server.
    /// </summary>
    private async Task<long> EnqueueAllUntilListedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await EnqueueAllAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReconcilerLog.ListFailed(_logger, _options.Name, _options.WatchRetryDelay, ex);
            }

            await Task.Delay(_options.WatchRetryDelay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the revision first, then lists: a change made in between is seen twice, never missed.</summary>
    private async Task<long> EnqueueAllAsync(CancellationToken cancellationToken)
    {
        var revision = await _store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var key in _options.ListKeys(_store, cancellationToken).ConfigureAwait(false))
        {
            Queue.Add(key);
        }

        return revision;
    }

    private async Task FollowChangesAsync(long revision, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var changes = _store.WatchAsync(new WatchQuery(revision, _options.WatchKind), cancellationToken);
                await foreach (var change in changes.ConfigureAwait(false))
                {
                    revision = change.Revision;
                    foreach (var key in _options.KeysForChange(change))
                    {
                        Queue.Add(key);
                    }
                }
            }
            catch (WatchRevisionExpiredException)
            {
                ReconcilerLog.WatchExpired(_logger, _options.Name);
                revision = await EnqueueAllUntilListedAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReconcilerLog.WatchFailed(_logger, _options.Name, revision, ex);
            }

            await Task.Delay(_options.WatchRetryDelay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_options.ResyncPeriod, _time, cancellationToken).ConfigureAwait(false);
            try
            {
                await EnqueueAllAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReconcilerLog.ResyncFailed(_logger, _options.Name, ex);
            }
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var key = await Queue.GetAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ReconcileAsync(TKey key, CancellationToken cancellationToken)
    {
        var keyText = key.ToString() ?? "";
        using var logScope = _logger.BeginScope(new Dictionary<string, object> { ["Reconciler"] = _options.Name, ["ReconcileKey"] = keyText });
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var reconciler = _options.ResolveReconciler(scope.ServiceProvider);
                var result = await reconciler.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
                Queue.Forget(key);
                ReconcilerLog.Reconciled(_logger, keyText, result.RequeueAfter);
                if (result.RequeueAfter is { } delay)
                {
                    Queue.AddAfter(key, delay);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var delay = Queue.AddRateLimited(key);
            ReconcilerLog.ReconcileFailed(_logger, _options.Name, keyText, delay, ex);
        }
    }
}
