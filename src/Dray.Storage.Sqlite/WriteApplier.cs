using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Storage.Sqlite;

/// <summary>Applies one <see cref="WriteOperation"/> inside a <see cref="WriteBatch"/>, following <see cref="DocumentRules"/>.</summary>
internal static class WriteApplier
{
    public static async Task<WriteResult> ApplyAsync(WriteBatch batch, WriteOperation operation, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var incoming = operation.Document;
        DocumentRules.Validate(incoming);
        var stored = await batch.FindAsync(incoming.Key, cancellationToken);
        return (operation.Type, stored) switch
        {
            (WriteOperationType.Create, not null) => throw new ResourceAlreadyExistsException(incoming.Key),
            (WriteOperationType.Create or WriteOperationType.Upsert, null) => await CreateAsync(batch, incoming, time, cancellationToken),
            (WriteOperationType.Update or WriteOperationType.UpdateStatus, null) => throw new ResourceNotFoundException(incoming.Key),
            (WriteOperationType.Update or WriteOperationType.Upsert, not null) =>
                await ReplaceAsync(batch, stored, DocumentRules.Update(incoming, stored.Document, batch.NextRevision), cancellationToken),
            (WriteOperationType.UpdateStatus, not null) =>
                await ReplaceAsync(batch, stored, DocumentRules.UpdateStatus(incoming, stored.Document, batch.NextRevision), cancellationToken),
            (WriteOperationType.Delete, null) => new WriteResult(WriteOutcome.NotFound, null),
            (WriteOperationType.Delete, not null) => await DeleteAsync(batch, incoming, stored, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Type, "Unknown write operation type."),
        };
    }

    private static async Task<WriteResult> CreateAsync(WriteBatch batch, ResourceDocument incoming, TimeProvider time, CancellationToken cancellationToken)
    {
        var created = DocumentRules.Create(incoming, batch.NextRevision, time);
        await batch.InsertAsync(created, cancellationToken);
        return new WriteResult(WriteOutcome.Created, created);
    }

    private static async Task<WriteResult> ReplaceAsync(WriteBatch batch, StoredRow stored, ResourceDocument? updated, CancellationToken cancellationToken)
    {
        if (updated is null)
        {
            return new WriteResult(WriteOutcome.Unchanged, stored.Document);
        }

        await batch.ReplaceAsync(stored.Id, updated, cancellationToken);
        return new WriteResult(WriteOutcome.Updated, updated);
    }

    private static async Task<WriteResult> DeleteAsync(WriteBatch batch, ResourceDocument incoming, StoredRow stored, CancellationToken cancellationToken)
    {
        DocumentRules.EnsureExpectedVersion(incoming.Key, incoming.ResourceVersion, stored.Document.ResourceVersion);
        await batch.DeleteAsync(stored, cancellationToken);
        return new WriteResult(WriteOutcome.Deleted, stored.Document);
    }
}
