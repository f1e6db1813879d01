using System.Runtime.CompilerServices;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dray.Storage.Sqlite;

/// <summary>
/// Serves watches: history from the changes table in chunks (each chunk its own short read transaction), then
/// live changes from the broadcaster. A position (the highest revision already accounted for) removes the overlap.
/// </summary>
internal sealed class ChangeFeed(string connectionString, ChangeBroadcaster broadcaster)
{
    private const int ChunkSize = 500;

    public async IAsyncEnumerable<ResourceChange> WatchAsync(WatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = query.FromRevision;
        var fromOldest = position == 0;
        while (true)
        {
            // Subscribing before reading history means a change committed meanwhile is in one or both; the
            // position drops the duplicates, so there is no gap and no repeat.
            using var subscription = broadcaster.Subscribe();
            while (true)
            {
                var chunk = await ReadHistoryAsync(query, position, fromOldest, cancellationToken);
                fromOldest = false;
                foreach (var change in chunk.Changes)
                {
                    yield return ToResourceChange(change);
                }

                position = Math.Max(position, chunk.ScannedThrough);
                if (chunk.Complete)
                {
                    break;
                }
            }

            while (await subscription.Reader.WaitToReadAsync(cancellationToken))
            {
                while (subscription.Reader.TryRead(out var change))
                {
                    if (change.Revision <= position)
                    {
                        continue;
                    }

                    position = change.Revision;
                    if (change.Matches(query))
                    {
                        yield return ToResourceChange(change);
                    }
                }
            }

            // Closed by the store: the watch ends. Overflowed: catch up from the table and go live again.
            if (!subscription.Overflowed)
            {
                yield break;
            }
        }
    }

    private static ResourceChange ToResourceChange(StoredChange change) =>
        new(change.Revision, change.Type, ResourceDocument.Parse(change.Document));

    /// <summary>
    /// Reads up to one chunk of changes after <paramref name="position"/>. Fails when changes the watcher still
    /// needs were pruned, also between two chunks of the same replay.
    /// </summary>
    private async Task<HistoryChunk> ReadHistoryAsync(WatchQuery query, long position, bool fromOldest, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteSchema.OpenReaderAsync(connectionString, cancellationToken);
        await using var snapshot = SqliteSchema.BeginSnapshot(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = """
            SELECT (SELECT value FROM meta WHERE key = 'revision'),
                   COALESCE((SELECT MIN(revision) FROM changes) - 1, (SELECT value FROM meta WHERE key = 'revision'));
            """;
        long head, pruned;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            head = reader.GetInt64(0);
            pruned = reader.GetInt64(1);
        }

        if (fromOldest)
        {
            position = Math.Max(position, pruned);
        }
        else if (position < pruned)
        {
            throw new WatchRevisionExpiredException(position, pruned);
        }

        command.CommandText = """
            SELECT revision, type, kind, namespace, document FROM changes
            WHERE revision > $position AND revision <= $head
              AND ($kind IS NULL OR kind = $kind) AND ($namespace IS NULL OR namespace = $namespace)
            ORDER BY revision LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$position", position);
        command.Parameters.AddWithValue("$head", head);
        command.Parameters.AddWithValue("$kind", (object?)query.Kind ?? DBNull.Value);
        command.Parameters.AddWithValue("$namespace", (object?)query.Namespace ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", ChunkSize);
        var changes = new List<StoredChange>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new StoredChange(reader.GetInt64(0), (ChangeType)reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }

        var complete = changes.Count < ChunkSize;
        return new HistoryChunk(changes, complete ? head : changes[^1].Revision, complete);
    }
}
