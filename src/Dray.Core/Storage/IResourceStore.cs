using Dray.Core.Resources;

namespace Dray.Core.Storage;

/// <summary>
/// The document store behind every API and controller. Implementations: SQLite (default), PostgreSQL (later).
/// Every implementation must pass the compliance suite in Dray.TestKit (<c>ResourceStoreComplianceTests</c>).
/// </summary>
/// <remarks>
/// Contract, as the compliance suite checks it:
/// <list type="bullet">
/// <item>Every write takes the next value of one store-wide, strictly increasing revision. The written document's
/// <c>metadata.resourceVersion</c> is that revision, and one <see cref="ResourceChange"/> with it enters the change feed.</item>
/// <item>A write that changes nothing (same labels, annotations, spec/data and status) stores nothing, keeps the
/// revision and emits no change: an idle system makes no writes.</item>
/// <item>Create sets <c>metadata.uid</c>, <c>creationTimestamp</c> (RFC 3339, UTC, from <see cref="TimeProvider"/>),
/// <c>generation</c> = 1. An update that changes anything outside <c>metadata</c> and <c>status</c> increments <c>generation</c>.</item>
/// <item>Update and delete with a non-zero expected <c>resourceVersion</c> fail with <see cref="ResourceConflictException"/>
/// when it differs from the stored one. Zero means "unconditional".</item>
/// <item><see cref="UpdateAsync"/> keeps the stored <c>status</c>; <see cref="UpdateStatusAsync"/> changes only <c>status</c>.</item>
/// <item><see cref="CommitAsync"/> applies a batch atomically: all operations or none.</item>
/// <item><see cref="ListAsync"/> orders by (namespace, name) ordinally and pages with an opaque continue token.</item>
/// </list>
/// </remarks>
public interface IResourceStore
{
    /// <summary>Returns the document, or null when it does not exist.</summary>
    Task<ResourceDocument?> GetAsync(ResourceKey key, CancellationToken cancellationToken);

    Task<ResourcePage> ListAsync(ListQuery query, CancellationToken cancellationToken);

    /// <exception cref="ResourceAlreadyExistsException">A document with the same key exists.</exception>
    Task<ResourceDocument> CreateAsync(ResourceDocument document, CancellationToken cancellationToken);

    /// <exception cref="ResourceNotFoundException">No document with that key exists.</exception>
    /// <exception cref="ResourceConflictException">The expected resourceVersion is stale.</exception>
    Task<ResourceDocument> UpdateAsync(ResourceDocument document, CancellationToken cancellationToken);

    /// <exception cref="ResourceNotFoundException">No document with that key exists.</exception>
    /// <exception cref="ResourceConflictException">The expected resourceVersion is stale.</exception>
    Task<ResourceDocument> UpdateStatusAsync(ResourceDocument document, CancellationToken cancellationToken);

    /// <summary>Deletes the document. Returns false when it did not exist.</summary>
    /// <exception cref="ResourceConflictException">The expected resourceVersion is stale.</exception>
    Task<bool> DeleteAsync(ResourceKey key, long expectedResourceVersion, CancellationToken cancellationToken);

    /// <summary>Applies every operation in one transaction, in order. On any failure nothing is stored.</summary>
    Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken);

    /// <summary>The revision of the newest write, 0 for an empty store.</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams changes with a revision greater than <see cref="WatchQuery.FromRevision"/>: first the stored history,
    /// then live changes, without gaps or duplicates, until cancelled.
    /// </summary>
    IAsyncEnumerable<ResourceChange> WatchAsync(WatchQuery query, CancellationToken cancellationToken);
}
