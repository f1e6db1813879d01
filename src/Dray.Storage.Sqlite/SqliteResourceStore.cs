using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dray.Storage.Sqlite;

/// <summary>
/// The default <see cref="IResourceStore"/>: one SQLite file in WAL mode. One writer connection, guarded by a
/// semaphore, applies every write as one transaction; reads use pooled connections and see committed snapshots.
/// The change feed keeps the newest <see cref="SqliteStoreOptions.ChangeRetention"/> changes.
/// </summary>
public sealed class SqliteResourceStore : IResourceStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ChangeBroadcaster _broadcaster;
    private readonly ChangeFeed _feed;
    private long _revision;
    private volatile bool _disposed;

    public SqliteResourceStore(SqliteStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath, "options.DatabasePath");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChangeRetention, 1, "options.ChangeRetention");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WatchBufferSize, 1, "options.WatchBufferSize");
        _options = options;
        _time = timeProvider;
        _broadcaster = new ChangeBroadcaster(options.WatchBufferSize);

        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = SqliteSchema.ConnectionString(options);
        _writer = new SqliteConnection(_connectionString);
        try
        {
            _writer.Open();
            SqliteSchema.Initialize(_writer);
            SqliteSchema.Configure(_writer, options);
            using var revision = _writer.CreateCommand();
            revision.CommandText = "SELECT value FROM meta WHERE key = 'revision';";
            _revision = (long)(revision.ExecuteScalar() ?? 0L);
        }
        catch
        {
            _writer.Dispose();
            throw;
        }

        _feed = new ChangeFeed(_connectionString, _broadcaster);
    }

    public async Task<ResourceDocument?> GetAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM resources WHERE kind = $kind AND namespace = $namespace AND name = $name;";
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$namespace", key.Namespace ?? "");
        command.Parameters.AddWithValue("$name", key.Name);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? ResourceDocument.Parse(json) : null;
    }

    public async Task<ResourcePage> ListAsync(ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit, "query.Limit");
        var after = query.ContinueToken is null ? null : ContinueToken.Decode(query.ContinueToken);

        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var snapshot = SqliteSchema.BeginSnapshot(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        var sql = new StringBuilder("SELECT namespace, name, document FROM resources WHERE kind = $kind");
        command.Parameters.AddWithValue("$kind", query.Kind);
        if (query.Namespace is not null)
        {
            sql.Append(" AND namespace = $namespace");
            command.Parameters.AddWithValue("$namespace", query.Namespace);
        }

        if (after is not null)
        {
            sql.Append(query.Namespace is null ? " AND (namespace, name) > ($afterNamespace, $afterName)" : " AND name > $afterName");
            command.Parameters.AddWithValue("$afterNamespace", after.Namespace);
            command.Parameters.AddWithValue("$afterName", after.Name);
        }

        var labelIndex = 0;
        foreach (var (key, value) in query.LabelSelector ?? new Dictionary<string, string>())
        {
            sql.Append(" AND id IN (SELECT resource_id FROM labels WHERE key = $lk").Append(labelIndex)
                .Append(" AND value = $lv").Append(labelIndex).Append(')');
            command.Parameters.AddWithValue("$lk" + labelIndex, key);
            command.Parameters.AddWithValue("$lv" + labelIndex, value);
            labelIndex++;
        }

        sql.Append(" ORDER BY namespace, name");
        if (query.Limit > 0)
        {
            // One extra row tells whether another page exists without a COUNT.
            sql.Append(" LIMIT $limit");
            command.Parameters.AddWithValue("$limit", query.Limit + 1);
        }

        command.CommandText = sql.ToString();
        var items = new List<ResourceDocument>();
        ContinueToken? last = null;
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (query.Limit > 0 && items.Count == query.Limit)
                {
                    more = true;
                    break;
                }

                last = new ContinueToken(reader.GetString(0), reader.GetString(1));
                items.Add(ResourceDocument.Parse(reader.GetString(2)));
            }
        }

        var revision = await ReadRevisionAsync(connection, snapshot, cancellationToken);
        return new ResourcePage(items, more ? last!.Encode() : null, revision);
    }

    public async Task<ResourceDocument> CreateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await WriteOneAsync(WriteOperationType.Create, document, cancellationToken)).Document!;

    public async Task<ResourceDocument> UpdateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await WriteOneAsync(WriteOperationType.Update, document, cancellationToken)).Document!;

    public async Task<ResourceDocument> UpdateStatusAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await WriteOneAsync(WriteOperationType.UpdateStatus, document, cancellationToken)).Document!;

    public async Task<bool> DeleteAsync(ResourceKey key, long expectedResourceVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var target = new ResourceDocument(new JsonObject { ["kind"] = key.Kind, ["metadata"] = new JsonObject { ["name"] = key.Name } })
        {
            Namespace = key.Namespace,
            ResourceVersion = expectedResourceVersion,
        };
        if (key.Namespace is null)
        {
            target.Metadata.Remove("namespace");
        }

        return (await WriteOneAsync(WriteOperationType.Delete, target, cancellationToken)).Outcome == WriteOutcome.Deleted;
    }

    public async Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var results = new List<WriteResult>(operations.Count);
            IReadOnlyList<StoredChange> changes;
            await using (var batch = await WriteBatch.BeginAsync(_writer, cancellationToken))
            {
                foreach (var operation in operations)
                {
                    results.Add(await WriteApplier.ApplyAsync(batch, operation, _time, cancellationToken));
                }

                await batch.CommitAsync(_options.ChangeRetention, cancellationToken);
                changes = batch.Changes;
                Volatile.Write(ref _revision, batch.Revision);
            }

            // Published under the write lock, so every watcher receives changes in revision order.
            _broadcaster.Publish(changes);
            return results;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.FromResult(Volatile.Read(ref _revision));
    }

    public IAsyncEnumerable<ResourceChange> WatchAsync(WatchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.FromRevision, "query.FromRevision");
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _feed.WatchAsync(query, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _broadcaster.Close();
        await _writeLock.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            SqliteConnection.ClearPool(_writer);
            await _writer.DisposeAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _broadcaster.Close();
        _writeLock.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            SqliteConnection.ClearPool(_writer);
            _writer.Dispose();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<WriteResult> WriteOneAsync(WriteOperationType type, ResourceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (await CommitAsync([new WriteOperation(type, document)], cancellationToken))[0];
    }

    private Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return SqliteSchema.OpenReaderAsync(_connectionString, cancellationToken);
    }

    private static async Task<long> ReadRevisionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = 'revision';";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
