using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Manifests.Support;

/// <summary>The real SQLite store on a file in a fresh temp directory, removed on dispose.</summary>
internal sealed class SqliteTestStore : IResourceStore, IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dray-manifests-").FullName;
    private readonly SqliteResourceStore _store;

    public SqliteTestStore() =>
        _store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_directory, "dray.db") }, new FakeTimeProvider());

    /// <summary>How many documents of any kind are stored.</summary>
    public async Task<int> CountAsync()
    {
        var total = 0;
        foreach (var kind in ResourceKinds.All)
        {
            total += (await _store.ListAsync(new ListQuery(kind.Kind), CancellationToken.None)).Items.Count;
        }

        return total;
    }

    public Task<long> RevisionAsync() => _store.GetRevisionAsync(CancellationToken.None);

    public Task<ResourceDocument?> GetAsync(ResourceKey key, CancellationToken cancellationToken) => _store.GetAsync(key, cancellationToken);

    public Task<ResourcePage> ListAsync(ListQuery query, CancellationToken cancellationToken) => _store.ListAsync(query, cancellationToken);

    public Task<ResourceDocument> CreateAsync(ResourceDocument document, CancellationToken cancellationToken) => _store.CreateAsync(document, cancellationToken);

    public Task<ResourceDocument> UpdateAsync(ResourceDocument document, CancellationToken cancellationToken) => _store.UpdateAsync(document, cancellationToken);

    public Task<ResourceDocument> UpdateStatusAsync(ResourceDocument document, CancellationToken cancellationToken) => _store.UpdateStatusAsync(document, cancellationToken);

    public Task<bool> DeleteAsync(ResourceKey key, long expectedResourceVersion, CancellationToken cancellationToken) =>
        _store.DeleteAsync(key, expectedResourceVersion, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken) =>
        _store.CommitAsync(operations, cancellationToken);

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken) => _store.GetRevisionAsync(cancellationToken);

    public IAsyncEnumerable<ResourceChange> WatchAsync(WatchQuery query, CancellationToken cancellationToken) => _store.WatchAsync(query, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
