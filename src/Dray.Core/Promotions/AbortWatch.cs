using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Promotions;

/// <summary>
/// Follows the store's change feed for one Promotion and cancels <see cref="Token"/> as soon as an abort
/// annotation appears, so a running step stops promptly without polling.
/// </summary>
internal sealed class AbortWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _abort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private AbortWatch(IResourceStore store, ResourceKey key, long fromRevision, CancellationToken ct)
    {
        _abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _watching = WatchAsync(store, key, fromRevision, _stop.Token);
    }

    /// <summary>Cancelled when the Promotion is aborted or the caller's token is cancelled.</summary>
    public CancellationToken Token => _abort.Token;

    public bool Requested { get; private set; }

    public static AbortWatch Start(IResourceStore store, ResourceKey key, long fromRevision, CancellationToken ct) =>
        new(store, key, fromRevision, ct);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _watching.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping the watch is the normal way out.
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // The store went away under the watch; the next run reads the annotation from the document anyway.
        }

        _stop.Dispose();
        _abort.Dispose();
    }

    private async Task WatchAsync(IResourceStore store, ResourceKey key, long fromRevision, CancellationToken ct)
    {
        await Task.Yield();
        var revision = fromRevision;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var query = new WatchQuery(revision, key.Kind, key.Namespace);
                await foreach (var change in store.WatchAsync(query, ct).ConfigureAwait(false))
                {
                    revision = change.Revision;
                    if (change.Document.Name == key.Name && change.Type != ChangeType.Deleted && PromotionAbort.IsRequested(change.Document))
                    {
                        Requested = true;
                        await _abort.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }
            }
            catch (WatchRevisionExpiredException)
            {
                // The feed moved on: read the document once, then follow from now.
                revision = await store.GetRevisionAsync(ct).ConfigureAwait(false);
                if (await store.GetAsync(key, ct).ConfigureAwait(false) is { } current && PromotionAbort.IsRequested(current))
                {
                    Requested = true;
                    await _abort.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
    }
}
