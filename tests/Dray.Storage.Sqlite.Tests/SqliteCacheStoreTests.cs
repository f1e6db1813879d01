using Dray.TestKit.Infrastructure;

namespace Dray.Storage.Sqlite.Tests;

public sealed class SqliteCacheStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Entries_survive_reopening_replace_in_place_and_stay_apart_by_area()
    {
        var path = _temp.File("nested", "cache.db");
        using (var store = new SqliteCacheStore(path))
        {
            await store.PutAsync("a", "k", "one", CancellationToken.None);
            await store.PutAsync("a", "k", "two", CancellationToken.None);
            await store.PutAsync("b", "k", "other", CancellationToken.None);
            (await store.GetAsync("a", "missing", CancellationToken.None)).ShouldBeNull();
        }

        using var reopened = new SqliteCacheStore(path);
        (await reopened.GetAsync("a", "k", CancellationToken.None)).ShouldBe("two");
        (await reopened.GetAsync("b", "k", CancellationToken.None)).ShouldBe("other");
        (await reopened.GetAsync("c", "k", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_all_succeed()
    {
        using var store = new SqliteCacheStore(_temp.File("cache.db"));
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), async (i, ct) =>
        {
            await store.PutAsync("area", $"key-{i}", $"value-{i}", ct);
            (await store.GetAsync("area", $"key-{i}", ct)).ShouldBe($"value-{i}");
        });
    }
}
