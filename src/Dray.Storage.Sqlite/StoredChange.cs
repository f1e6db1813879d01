using Dray.Core.Storage;

namespace Dray.Storage.Sqlite;

/// <summary>One committed change as the broadcaster hands it out: the JSON text, so every watcher parses its own copy.</summary>
internal sealed record StoredChange(long Revision, ChangeType Type, string Kind, string Namespace, string Document)
{
    public bool Matches(WatchQuery query) =>
        (query.Kind is null || query.Kind == Kind) && (query.Namespace is null || query.Namespace == Namespace);
}
