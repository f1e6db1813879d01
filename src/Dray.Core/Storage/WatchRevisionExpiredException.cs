namespace Dray.Core.Storage;

/// <summary>
/// A watch asked for changes after a revision the change feed no longer retains (Kubernetes' "410 Gone").
/// The watcher must list again and watch from the list's revision.
/// </summary>
public sealed class WatchRevisionExpiredException(long requestedRevision, long oldestAvailableRevision)
    : Exception($"Revision {requestedRevision} is too old: the change feed starts after revision {oldestAvailableRevision}; list again and watch from the returned revision")
{
    public long RequestedRevision { get; } = requestedRevision;

    /// <summary>The oldest revision a watch may resume from.</summary>
    public long OldestAvailableRevision { get; } = oldestAvailableRevision;
}
