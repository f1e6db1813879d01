using System.Threading.Channels;
using Dray.Core.Storage;

namespace Dray.Server.Ui.Model;

/// <summary>
/// Follows the store's change feed for one project inside a circuit and calls back at most once per
/// <see cref="Interval"/>, however many changes arrive; a burst of writes costs one re-render.
/// </summary>
public sealed class ProjectChangeFeed(IResourceStore store, TimeProvider timeProvider) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Task _running = Task.CompletedTask;
    private bool _disposed;

    /// <param name="project">The project to follow.</param>
    /// <param name="fromRevision">The revision the caller's snapshot was read at.</param>
    /// <param name="onChanged">Called after changes, never more often than <see cref="Interval"/>.</param>
    public void Start(string project, long fromRevision, Func<Task> onChanged)
    {
        var token = _stop.Token;
        _running = Task.WhenAll(WatchAsync(project, fromRevision, token), NotifyAsync(onChanged, token));
    }

    private async Task WatchAsync(string project, long fromRevision, CancellationToken cancellationToken)
    {
        var revision = fromRevision;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in store.WatchAsync(new WatchQuery(revision, null, project), cancellationToken).ConfigureAwait(false))
                {
                    revision = change.Revision;
                    _dirty.Writer.TryWrite(true);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (WatchRevisionExpiredException)
            {
                revision = await store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
                _dirty.Writer.TryWrite(true);
            }
        }
    }

    private async Task NotifyAsync(Func<Task> onChanged, CancellationToken cancellationToken)
    {
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _dirty.Reader.TryRead(out _);
                await onChanged().ConfigureAwait(false);
                await Task.Delay(Interval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Both the page and the circuit's service scope dispose this.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
