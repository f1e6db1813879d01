namespace Dray.Storage.Sqlite;

/// <summary>Where and how the SQLite store keeps its single database file.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file, for example <c>/var/lib/dray/dray.db</c>. Its directory is created when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// How many of the newest changes the change feed keeps. A watch that resumes from an older revision fails
    /// with <see cref="Dray.Core.Storage.WatchRevisionExpiredException"/> and must list again (Kubernetes' 410 Gone).
    /// </summary>
    public int ChangeRetention { get; set; } = 100_000;

    /// <summary>How long a statement waits for a lock held by another connection before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many live changes a slow watcher may fall behind before it re-reads them from the change table.</summary>
    public int WatchBufferSize { get; set; } = 10_000;
}
