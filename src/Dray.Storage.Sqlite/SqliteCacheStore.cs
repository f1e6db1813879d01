using Dray.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dray.Storage.Sqlite;

/// <summary>
/// <see cref="ICacheStore"/> in its own SQLite file (WAL), apart from the resource store so cache writes never wait
/// for, or hold up, resource writes and the change feed. Deleting the file only costs refetches.
/// </summary>
public sealed class SqliteCacheStore : ICacheStore, IDisposable
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS cache (
            area TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (area, key)
        ) WITHOUT ROWID;
        """;

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteCacheStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
        _writer = new SqliteConnection(_connectionString);
        try
        {
            _writer.Open();
            using var command = _writer.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;" + CreateTable;
            command.ExecuteNonQuery();
        }
        catch
        {
            _writer.Dispose();
            throw;
        }
    }

    public async ValueTask<string?> GetAsync(string area, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await SqliteSchema.OpenReaderAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM cache WHERE area = $area AND key = $key;";
        command.Parameters.AddWithValue("$area", area);
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async ValueTask PutAsync(string area, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _writer.CreateCommand();
            command.CommandText = "INSERT INTO cache (area, key, value) VALUES ($area, $key, $value) ON CONFLICT (area, key) DO UPDATE SET value = excluded.value;";
            command.Parameters.AddWithValue("$area", area);
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$value", value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _writeLock.Dispose();
    }
}
