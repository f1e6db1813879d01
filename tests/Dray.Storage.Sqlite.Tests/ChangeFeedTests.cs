using Dray.Core.Storage;
using Dray.TestKit.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Storage.Sqlite.Tests;

public sealed class ChangeFeedTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dray-feed-").FullName;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Changes_delivered_both_by_history_and_live_are_streamed_once()
    {
        var options = new SqliteStoreOptions { DatabasePath = Path.Combine(_directory, "feed.db") };
        await using var store = new SqliteResourceStore(options, new FakeTimeProvider());
        var written = new List<(long Revision, string Json)>();
        for (var i = 0; i < 3; i++)
        {
            var doc = await store.CreateAsync(TestDocuments.Stage("p1", $"s{i}"), CancellationToken.None);
            written.Add((doc.ResourceVersion, doc.ToJsonString()));
        }

        var broadcaster = new ChangeBroadcaster(100);
        var feed = new ChangeFeed(SqliteSchema.ConnectionString(options), broadcaster);
        await using var watch = feed.WatchAsync(new WatchQuery(), CancellationToken.None).GetAsyncEnumerator();
        (await watch.MoveNextAsync()).ShouldBeTrue();

        // Subscribed and replaying: revisions 2 and 3 now also arrive live, as when they commit during the replay.
        var late = TestDocuments.Stage("p1", "s3");
        late.ResourceVersion = 4;
        broadcaster.Publish(
        [
            .. written.Skip(1).Select(w => new StoredChange(w.Revision, ChangeType.Added, "Stage", "p1", w.Json)),
            new StoredChange(4, ChangeType.Added, "Stage", "p1", late.ToJsonString()),
        ]);
        var revisions = new List<long> { watch.Current.Revision };
        for (var i = 0; i < 3; i++)
        {
            (await watch.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();
            revisions.Add(watch.Current.Revision);
        }

        revisions.ShouldBe([1L, 2, 3, 4]);
        broadcaster.Close();
        (await watch.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60))).ShouldBeFalse();
    }
}
