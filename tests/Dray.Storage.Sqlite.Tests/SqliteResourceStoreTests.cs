using Dray.Core.Storage;
using Dray.Storage.Sqlite;
using Dray.TestKit.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Storage.Sqlite.Tests;

/// <summary>Runs the store compliance suite against a real SQLite file in a fresh temp directory per test.</summary>
public sealed class SqliteResourceStoreTests : ResourceStoreComplianceTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dray-store-").FullName;

    private string DatabasePath => Path.Combine(_directory, "data", "dray.db");

    protected override Task<IResourceStore> CreateStoreAsync(FakeTimeProvider time) =>
        Task.FromResult<IResourceStore>(new SqliteResourceStore(Options(), time));

    protected override async Task<IResourceStore> ReopenStoreAsync(IResourceStore store, FakeTimeProvider time)
    {
        await ((SqliteResourceStore)store).DisposeAsync();
        return new SqliteResourceStore(Options(), time);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_database_is_one_file_in_wal_mode()
    {
        await Store.CreateAsync(TestDocuments.Stage("p1", "dev"), CancellationToken.None);

        File.Exists(DatabasePath).ShouldBeTrue();
        File.Exists(DatabasePath + "-wal").ShouldBeTrue();
    }

    [Fact]
    public async Task A_pooled_connection_left_inside_a_transaction_does_not_break_later_reads()
    {
        await Store.CreateAsync(TestDocuments.Stage("p1", "dev"), CancellationToken.None);

        // What a failed rollback leaves behind: a handle back in the pool with its transaction still open.
        await using (var leaked = new Microsoft.Data.Sqlite.SqliteConnection(SqliteSchema.ConnectionString(Options())))
        {
            await leaked.OpenAsync();
            await using var begin = leaked.CreateCommand();
            begin.CommandText = "BEGIN; SELECT COUNT(*) FROM resources;";
            await begin.ExecuteScalarAsync();
        }

        for (var i = 0; i < 5; i++)
        {
            (await Store.ListAsync(new ListQuery("Stage"), CancellationToken.None)).Items.ShouldHaveSingleItem();
            (await Store.GetAsync(TestDocuments.Stage("p1", "dev").Key, CancellationToken.None)).ShouldNotBeNull();
        }

        await Store.CreateAsync(TestDocuments.Stage("p1", "uat"), CancellationToken.None);
        (await Store.ListAsync(new ListQuery("Stage"), CancellationToken.None)).Items.Count.ShouldBe(2, "a leaked read transaction must not hide later writes");
    }

    [Fact]
    public async Task A_continue_token_that_the_store_did_not_issue_is_rejected()
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.ListAsync(new ListQuery("Stage", Limit: 1, ContinueToken: "not-a-token!"), CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => Store.ListAsync(new ListQuery("Stage", Limit: 1, ContinueToken: "aGVsbG8"), CancellationToken.None));
    }

    [Fact]
    public async Task A_watcher_that_falls_behind_the_live_buffer_catches_up_from_the_change_table()
    {
        var options = new SqliteStoreOptions { DatabasePath = Path.Combine(_directory, "lagging.db"), WatchBufferSize = 4 };
        await using var store = new SqliteResourceStore(options, new FakeTimeProvider());
        await store.CreateAsync(TestDocuments.Stage("p1", "first"), CancellationToken.None);
        await using var watch = store.WatchAsync(new WatchQuery(), CancellationToken.None).GetAsyncEnumerator();
        (await watch.MoveNextAsync()).ShouldBeTrue();

        // The watcher is subscribed but not reading: one batch of 30 overflows its buffer of 4.
        await store.CommitAsync(
            Enumerable.Range(0, 30).Select(i => new WriteOperation(WriteOperationType.Create, TestDocuments.Stage("p1", $"s{i:D2}"))).ToList(),
            CancellationToken.None);

        var revisions = new List<long> { watch.Current.Revision };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (revisions.Count < 31 && await watch.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
        {
            revisions.Add(watch.Current.Revision);
        }

        revisions.ShouldBe(Enumerable.Range(1, 31).Select(r => (long)r));
    }

    [Fact]
    public async Task Disposing_the_store_ends_live_watches()
    {
        var watch = CollectAsync(Store.WatchAsync(new WatchQuery(), CancellationToken.None), 5);
        await Store.CreateAsync(TestDocuments.Stage("p1", "dev"), CancellationToken.None);

        await ((SqliteResourceStore)Store).DisposeAsync();

        (await watch).Count.ShouldBe(1);
    }

    private SqliteStoreOptions Options() => new() { DatabasePath = DatabasePath, ChangeRetention = ChangeRetention };
}
