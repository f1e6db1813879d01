using System.Globalization;
using System.Runtime.CompilerServices;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Tests.Manifests.Support;

/// <summary>
/// A minimal store for the manifest tests until the SQLite store is on main: atomic commits (all or nothing),
/// "unchanged" detection, create metadata. Not a general-purpose implementation.
/// </summary>
internal sealed class InMemoryResourceStore : IResourceStore
{
    private readonly Dictionary<ResourceKey, ResourceDocument> _documents = [];
    private long _revision;

    public int Commits { get; private set; }

    /// <summary>When set, the next commit fails after applying this many operations (to check atomicity).</summary>
    public int? FailAfter { get; set; }

    public Task<ResourceDocument?> GetAsync(ResourceKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.TryGetValue(key, out var d) ? d.Clone() : null);

    public Task<ResourcePage> ListAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var items = _documents.Values
            .Where(d => d.Kind == query.Kind && (query.Namespace is null || d.Namespace == query.Namespace))
            .OrderBy(d => d.Namespace ?? "", StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => d.Clone()).ToList();
        return Task.FromResult(new ResourcePage(items, null, _revision));
    }

    public async Task<ResourceDocument> CreateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await CommitAsync([new WriteOperation(WriteOperationType.Create, document)], cancellationToken))[0].Document!;

    public async Task<ResourceDocument> UpdateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await CommitAsync([new WriteOperation(WriteOperationType.Update, document)], cancellationToken))[0].Document!;

    public Task<ResourceDocument> UpdateStatusAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not needed by the manifest tests");

    public async Task<bool> DeleteAsync(ResourceKey key, long expectedResourceVersion, CancellationToken cancellationToken)
    {
        var document = new ResourceDocument(new System.Text.Json.Nodes.JsonObject { ["kind"] = key.Kind }) { Name = key.Name };
        if (key.Namespace is not null)
        {
            document.Namespace = key.Namespace;
        }

        return (await CommitAsync([new WriteOperation(WriteOperationType.Delete, document)], cancellationToken))[0].Outcome == WriteOutcome.Deleted;
    }

    public Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        Commits++;
        var working = new Dictionary<ResourceKey, ResourceDocument>(_documents);
        var revision = _revision;
        var results = new List<WriteResult>();
        foreach (var operation in operations)
        {
            if (FailAfter is { } limit && results.Count >= limit)
            {
                FailAfter = null;
                throw new InvalidOperationException("injected failure");
            }

            var document = operation.Document.Clone();
            var key = document.Key;
            working.TryGetValue(key, out var existing);
            switch (operation.Type)
            {
                case WriteOperationType.Delete:
                    results.Add(existing is null ? new WriteResult(WriteOutcome.NotFound, null) : new WriteResult(WriteOutcome.Deleted, existing));
                    working.Remove(key);
                    break;
                case WriteOperationType.Create or WriteOperationType.Upsert when existing is null:
                    document.Metadata["uid"] = Guid.NewGuid().ToString();
                    document.Metadata["creationTimestamp"] = "2026-01-01T00:00:00Z";
                    document.Generation = 1;
                    document.ResourceVersion = ++revision;
                    working[key] = document;
                    results.Add(new WriteResult(WriteOutcome.Created, document.Clone()));
                    break;
                case WriteOperationType.Create:
                    throw new ResourceAlreadyExistsException(key);
                case WriteOperationType.Upsert or WriteOperationType.Update when existing is not null:
                    if (existing.Status is { } status)
                    {
                        document.Json["status"] = status.DeepClone();
                    }

                    if (ManifestApplier.SameContent(existing, document))
                    {
                        results.Add(new WriteResult(WriteOutcome.Unchanged, existing.Clone()));
                        break;
                    }

                    foreach (var field in new[] { "uid", "creationTimestamp" })
                    {
                        document.Metadata[field] = existing.Metadata[field]?.DeepClone();
                    }

                    document.Generation = existing.Generation + 1;
                    document.ResourceVersion = ++revision;
                    working[key] = document;
                    results.Add(new WriteResult(WriteOutcome.Updated, document.Clone()));
                    break;
                default:
                    throw new ResourceNotFoundException(key);
            }
        }

        _documents.Clear();
        foreach (var (key, value) in working)
        {
            _documents[key] = value;
        }

        _revision = revision;
        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken) => Task.FromResult(_revision);

    public async IAsyncEnumerable<ResourceChange> WatchAsync(WatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public int Count => _documents.Count;

    public override string ToString() => string.Join(", ", _documents.Keys.Select(k => k.ToString())) + " @" + _revision.ToString(CultureInfo.InvariantCulture);
}
