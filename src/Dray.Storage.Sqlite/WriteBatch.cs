using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dray.Storage.Sqlite;

/// <summary>
/// One write transaction on the writer connection. Statements are prepared once per batch and rebound per
/// operation; the revision counter is read at the start and written back at commit, so it moves only with data.
/// </summary>
internal sealed class WriteBatch : IAsyncDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _replace;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _deleteLabels;
    private readonly SqliteCommand _insertLabel;
    private readonly SqliteCommand _appendChange;
    private readonly List<StoredChange> _changes = [];

    private WriteBatch(SqliteConnection connection, SqliteTransaction transaction, long revision)
    {
        _transaction = transaction;
        Revision = revision;
        _find = Command(connection, "SELECT id, document FROM resources WHERE kind = $kind AND namespace = $namespace AND name = $name;", "$kind", "$namespace", "$name");
        _insert = Command(connection, "INSERT INTO resources (kind, namespace, name, resource_version, document) VALUES ($kind, $namespace, $name, $rv, $document) RETURNING id;", "$kind", "$namespace", "$name", "$rv", "$document");
        _replace = Command(connection, "UPDATE resources SET resource_version = $rv, document = $document WHERE id = $id;", "$rv", "$document", "$id");
        _delete = Command(connection, "DELETE FROM resources WHERE id = $id;", "$id");
        _deleteLabels = Command(connection, "DELETE FROM labels WHERE resource_id = $id;", "$id");
        _insertLabel = Command(connection, "INSERT INTO labels (resource_id, key, value) VALUES ($id, $key, $value);", "$id", "$key", "$value");
        _appendChange = Command(connection, "INSERT INTO changes (revision, type, kind, namespace, name, document) VALUES ($revision, $type, $kind, $namespace, $name, $document);", "$revision", "$type", "$kind", "$namespace", "$name", "$document");
    }

    /// <summary>The newest revision, including the writes of this batch.</summary>
    public long Revision { get; private set; }

    /// <summary>The revision the next write of this batch takes.</summary>
    public long NextRevision => Revision + 1;

    public IReadOnlyList<StoredChange> Changes => _changes;

    public static async Task<WriteBatch> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // A batch whose rollback failed must not leave every later write failing to begin.
        await SqliteSchema.EndStrayTransactionAsync(connection, cancellationToken);
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM meta WHERE key = 'revision';";
        var revision = (long)(await read.ExecuteScalarAsync(cancellationToken) ?? 0L);
        return new WriteBatch(connection, transaction, revision);
    }

    public async Task<StoredRow?> FindAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        Bind(_find, key.Kind, key.Namespace ?? "", key.Name);
        await using var reader = await _find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredRow(reader.GetInt64(0), ResourceDocument.Parse(reader.GetString(1)))
            : null;
    }

    public async Task InsertAsync(ResourceDocument document, CancellationToken cancellationToken)
    {
        var json = document.ToJsonString();
        Bind(_insert, document.Kind, document.Namespace ?? "", document.Name, document.ResourceVersion, json);
        var id = (long)(await _insert.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("INSERT returned no id."));
        await WriteLabelsAsync(id, document, cancellationToken);
        await AppendChangeAsync(ChangeType.Added, document, json, cancellationToken);
    }

    public async Task ReplaceAsync(long id, ResourceDocument document, CancellationToken cancellationToken)
    {
        var json = document.ToJsonString();
        Bind(_replace, document.ResourceVersion, json, id);
        await _replace.ExecuteNonQueryAsync(cancellationToken);
        Bind(_deleteLabels, id);
        await _deleteLabels.ExecuteNonQueryAsync(cancellationToken);
        await WriteLabelsAsync(id, document, cancellationToken);
        await AppendChangeAsync(ChangeType.Modified, document, json, cancellationToken);
    }

    /// <summary>Deletes the row; the change carries the last stored state.</summary>
    public async Task DeleteAsync(StoredRow row, CancellationToken cancellationToken)
    {
        Bind(_delete, row.Id);
        await _delete.ExecuteNonQueryAsync(cancellationToken);
        Bind(_deleteLabels, row.Id);
        await _deleteLabels.ExecuteNonQueryAsync(cancellationToken);
        await AppendChangeAsync(ChangeType.Deleted, row.Document, row.Document.ToJsonString(), cancellationToken);
    }

    /// <summary>Stores the new revision, prunes the change feed to <paramref name="retention"/> changes and commits.</summary>
    public async Task CommitAsync(int retention, CancellationToken cancellationToken)
    {
        if (_changes.Count > 0)
        {
            await using var meta = _transaction.Connection!.CreateCommand();
            meta.Transaction = _transaction;
            meta.CommandText = "UPDATE meta SET value = $revision WHERE key = 'revision'; DELETE FROM changes WHERE revision <= $cutoff;";
            meta.Parameters.AddWithValue("$revision", Revision);
            meta.Parameters.AddWithValue("$cutoff", Revision - retention);
            await meta.ExecuteNonQueryAsync(cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _find, _insert, _replace, _delete, _deleteLabels, _insertLabel, _appendChange })
        {
            await command.DisposeAsync();
        }

        // Rolls back unless committed.
        await _transaction.DisposeAsync();
    }

    private async Task WriteLabelsAsync(long id, ResourceDocument document, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in document.Labels)
        {
            Bind(_insertLabel, id, key, value);
            await _insertLabel.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task AppendChangeAsync(ChangeType type, ResourceDocument document, string json, CancellationToken cancellationToken)
    {
        Revision++;
        var change = new StoredChange(Revision, type, document.Kind, document.Namespace ?? "", json);
        Bind(_appendChange, change.Revision, (long)change.Type, change.Kind, change.Namespace, document.Name, json);
        await _appendChange.ExecuteNonQueryAsync(cancellationToken);
        _changes.Add(change);
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
