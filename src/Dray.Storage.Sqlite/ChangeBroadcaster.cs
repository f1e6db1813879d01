using System.Threading.Channels;

namespace Dray.Storage.Sqlite;

/// <summary>
/// Fans committed changes out to live watchers, one bounded channel each. A watcher that falls more than the
/// buffer behind is cut off with <see cref="ChangeSubscription.Overflowed"/> set, and re-reads from the change
/// table instead of making the writer wait or the process hold an unbounded backlog.
/// </summary>
internal sealed class ChangeBroadcaster(int bufferSize)
{
    private readonly Lock _gate = new();
    private readonly HashSet<ChangeSubscription> _subscribers = [];
    private bool _closed;

    public ChangeSubscription Subscribe()
    {
        var subscription = new ChangeSubscription(this, Channel.CreateBounded<StoredChange>(
            new BoundedChannelOptions(bufferSize) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait }));
        lock (_gate)
        {
            if (_closed)
            {
                subscription.Complete(overflowed: false);
            }
            else
            {
                _subscribers.Add(subscription);
            }
        }

        return subscription;
    }

    /// <summary>Called by the single writer after each commit, in revision order.</summary>
    public void Publish(IReadOnlyList<StoredChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            List<ChangeSubscription>? lagging = null;
            foreach (var subscriber in _subscribers)
            {
                foreach (var change in changes)
                {
                    if (!subscriber.TryWrite(change))
                    {
                        (lagging ??= []).Add(subscriber);
                        break;
                    }
                }
            }

            foreach (var subscriber in lagging ?? [])
            {
                _subscribers.Remove(subscriber);
                subscriber.Complete(overflowed: true);
            }
        }
    }

    public void Unsubscribe(ChangeSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    /// <summary>Ends every live watch; used when the store is disposed.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Complete(overflowed: false);
            }

            _subscribers.Clear();
        }
    }
}
