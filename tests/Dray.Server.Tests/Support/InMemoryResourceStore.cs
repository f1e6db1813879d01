using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Server.Tests.Support;

/// <summary>A small in-memory store used only until the SQLite store is on main.</summary>
public sealed class InMemoryResourceStore : IResourceStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, ResourceDocument> _documents = new(StringComparer.Ordinal);
    private readonly List<ResourceChange> _changes = [];
    private readonly List<Channel<ResourceChange>> _watchers = [];
    private long _revision;

    public Task<ResourceDocument?> GetAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_documents.TryGetValue(Id(key), out var d) ? d.Clone() : null);
        }
    }

    public Task<ResourcePage> ListAsync(ListQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var matching = _documents
                .Where(p => p.Value.Kind == query.Kind && (query.Namespace is null || p.Value.Namespace == query.Namespace))
                .Where(p => query.LabelSelector is null || query.LabelSelector.All(s => p.Value.GetLabel(s.Key) == s.Value))
                .Where(p => query.ContinueToken is null || string.CompareOrdinal(p.Key, query.ContinueToken) > 0)
                .ToList();
            var page = query.Limit > 0 ? matching.Take(query.Limit).ToList() : matching;
            var next = query.Limit > 0 && matching.Count > query.Limit ? page[^1].Key : null;
            return Task.FromResult(new ResourcePage([.. page.Select(p => p.Value.Clone())], next, _revision));
        }
    }

    public async Task<ResourceDocument> CreateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await CommitAsync([new WriteOperation(WriteOperationType.Create, document)], cancellationToken))[0].Document!;

    public async Task<ResourceDocument> UpdateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await CommitAsync([new WriteOperation(WriteOperationType.Update, document)], cancellationToken))[0].Document!;

    public async Task<ResourceDocument> UpdateStatusAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        (await CommitAsync([new WriteOperation(WriteOperationType.UpdateStatus, document)], cancellationToken))[0].Document!;

    public async Task<bool> DeleteAsync(ResourceKey key, long expectedResourceVersion, CancellationToken cancellationToken)
    {
        var stub = new ResourceDocument(new JsonObject { ["kind"] = key.Kind }) { Name = key.Name };
        if (key.Namespace is not null)
        {
            stub.Namespace = key.Namespace;
        }

        stub.ResourceVersion = expectedResourceVersion;
        return (await CommitAsync([new WriteOperation(WriteOperationType.Delete, stub)], cancellationToken))[0].Outcome == WriteOutcome.Deleted;
    }

    public Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var staged = new SortedDictionary<string, ResourceDocument>(_documents, StringComparer.Ordinal);
            var changes = new List<ResourceChange>();
            var results = new List<WriteResult>();
            var revision = _revision;
            foreach (var (type, input) in operations)
            {
                var key = input.Key;
                staged.TryGetValue(Id(key), out var existing);
                if (type == WriteOperationType.Delete)
                {
                    if (existing is null)
                    {
                        results.Add(new WriteResult(WriteOutcome.NotFound, null));
                        continue;
                    }

                    CheckVersion(key, input, existing);
                    staged.Remove(Id(key));
                    changes.Add(new ResourceChange(++revision, ChangeType.Deleted, existing));
                    results.Add(new WriteResult(WriteOutcome.Deleted, existing));
                    continue;
                }

                if (existing is null && type is WriteOperationType.Update or WriteOperationType.UpdateStatus)
                {
                    throw new ResourceNotFoundException(key);
                }

                if (existing is not null && type == WriteOperationType.Create)
                {
                    throw new ResourceAlreadyExistsException(key);
                }

                var next = input.Clone();
                if (existing is not null)
                {
                    CheckVersion(key, input, existing);
                    if (type == WriteOperationType.UpdateStatus)
                    {
                        next = existing.Clone();
                        next.Json["status"] = input.Json["status"]?.DeepClone();
                    }
                    else if (existing.Json["status"] is { } status)
                    {
                        next.Json["status"] = status.DeepClone();
                    }
                    else
                    {
                        next.Json.Remove("status");
                    }

                    foreach (var field in new[] { "uid", "creationTimestamp", "generation" })
                    {
                        next.Metadata[field] = existing.Metadata[field]?.DeepClone();
                    }

                    next.ResourceVersion = existing.ResourceVersion;
                    if (JsonNode.DeepEquals(next.Json, existing.Json))
                    {
                        results.Add(new WriteResult(WriteOutcome.Unchanged, existing));
                        continue;
                    }
                }
                else
                {
                    next.Metadata["uid"] = Guid.NewGuid().ToString();
                    next.Metadata["creationTimestamp"] = "2026-01-01T00:00:00Z";
                    next.Generation = 1;
                }

                next.ResourceVersion = ++revision;
                staged[Id(key)] = next;
                changes.Add(new ResourceChange(revision, existing is null ? ChangeType.Added : ChangeType.Modified, next.Clone()));
                results.Add(new WriteResult(existing is null ? WriteOutcome.Created : WriteOutcome.Updated, next.Clone()));
            }

            _documents.Clear();
            foreach (var pair in staged)
            {
                _documents[pair.Key] = pair.Value;
            }

            _revision = revision;
            _changes.AddRange(changes);
            foreach (var watcher in _watchers)
            {
                changes.ForEach(c => watcher.Writer.TryWrite(c));
            }

            return Task.FromResult<IReadOnlyList<WriteResult>>(results);
        }
    }

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_revision);
        }
    }

    public async IAsyncEnumerable<ResourceChange> WatchAsync(WatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ResourceChange>();
        lock (_gate)
        {
            _changes.Where(c => c.Revision > query.FromRevision).ToList().ForEach(c => channel.Writer.TryWrite(c));
            _watchers.Add(channel);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if ((query.Kind is null || change.Document.Kind == query.Kind) && (query.Namespace is null || change.Document.Namespace == query.Namespace))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    private static void CheckVersion(ResourceKey key, ResourceDocument input, ResourceDocument existing)
    {
        if (input.ResourceVersion != 0 && input.ResourceVersion != existing.ResourceVersion)
        {
            throw new ResourceConflictException(key, input.ResourceVersion, existing.ResourceVersion);
        }
    }

    private static string Id(ResourceKey key) =>
        string.Create(CultureInfo.InvariantCulture, $"{key.Kind}\u0001{key.Namespace}\u0001{key.Name}");
}
