using System.Threading.Channels;

namespace Dray.Storage.Sqlite;

/// <summary>One live watcher's buffer of committed changes.</summary>
internal sealed class ChangeSubscription(ChangeBroadcaster owner, Channel<StoredChange> channel) : IDisposable
{
    private volatile bool _overflowed;

    public ChannelReader<StoredChange> Reader => channel.Reader;

    /// <summary>True when the watcher fell too far behind and must resume from the change table.</summary>
    public bool Overflowed => _overflowed;

    public bool TryWrite(StoredChange change) => channel.Writer.TryWrite(change);

    public void Complete(bool overflowed)
    {
        _overflowed = overflowed;
        channel.Writer.TryComplete();
    }

    public void Dispose() => owner.Unsubscribe(this);
}
