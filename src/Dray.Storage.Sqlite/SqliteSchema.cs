using Microsoft.Data.Sqlite;

namespace Dray.Storage.Sqlite;

/// <summary>The database layout, and how every connection to it is opened.</summary>
internal static class SqliteSchema
{
    public const long Version = 1;

    // resources: one row per document; the unique key index serves gets and keyset paging (kind, namespace, name).
    // labels: one row per label, so an equality selector is an indexed lookup instead of a JSON scan.
    // changes: the persisted change feed, pruned to the retention window inside each write transaction.
    // meta: schema_version and revision (the store-wide counter every write increments).
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS resources (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            resource_version INTEGER NOT NULL,
            document TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS resources_key ON resources (kind, namespace, name);
        CREATE TABLE IF NOT EXISTS labels (
            resource_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (key, value, resource_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS labels_resource ON labels (resource_id);
        CREATE TABLE IF NOT EXISTS changes (
            revision INTEGER PRIMARY KEY,
            type INTEGER NOT NULL,
            kind TEXT NOT NULL,
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            document TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', 1), ('revision', 0);
        """;

    public static string ConnectionString(SqliteStoreOptions options) => new SqliteConnectionStringBuilder
    {
        DataSource = options.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
    }.ToString();

    /// <summary>Creates the file and tables when missing and checks the schema version. Runs once, at construction.</summary>
    public static void Initialize(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        using var create = connection.CreateCommand();
        create.CommandText = CreateTables;
        create.ExecuteNonQuery();

        using var version = connection.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE key = 'schema_version';";
        var found = (long)(version.ExecuteScalar() ?? 0L);
        if (found != Version)
        {
            throw new InvalidOperationException(
                $"The database {connection.DataSource} has schema version {found}; this Dray build reads version {Version}.");
        }
    }

    /// <summary>Per-connection settings; WAL itself is a property of the file and set once in <see cref="Initialize"/>.</summary>
    public static void Configure(SqliteConnection connection, SqliteStoreOptions options)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(long)options.BusyTimeout.TotalMilliseconds};";
        pragma.ExecuteNonQuery();
    }

    /// <summary>
    /// Opens a pooled reader connection. A handle can come back to the pool still inside a transaction (a rollback that
    /// failed, for example interrupted by a cancellation, leaves it so, and the pool does not reset it); such a handle
    /// would fail every snapshot with "cannot start a transaction within a transaction" and pin an old snapshot, so
    /// it is rolled back here first.
    /// </summary>
    public static async Task<SqliteConnection> OpenReaderAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await EndStrayTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Rolls back a transaction the connection's handle is in without the connection knowing of it (what a failed
    /// rollback leaves); a no-op on a handle in autocommit mode.
    /// </summary>
    public static async Task EndStrayTransactionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A deferred read transaction: several statements see one snapshot and the reader never takes the write lock.
    /// BEGIN DEFERRED touches no file until the first read, so the synchronous call does not block.
    /// </summary>
    public static SqliteTransaction BeginSnapshot(SqliteConnection connection) => connection.BeginTransaction(deferred: true);
}
