using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Server.Secrets;

/// <summary>
/// Wraps the real store so that Secret values are encrypted before they are written, whichever path writes them
/// (CRUD endpoints, apply, controllers). Reads return what is stored: still encrypted.
/// </summary>
public sealed class SecretProtectingResourceStore(IResourceStore inner, SecretCipher cipher) : IResourceStore
{
    public Task<ResourceDocument?> GetAsync(ResourceKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<ResourcePage> ListAsync(ListQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public Task<ResourceDocument> CreateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        inner.CreateAsync(SecretCipher.IsSecret(document) ? cipher.Encrypt(document, null) : document, cancellationToken);

    public async Task<ResourceDocument> UpdateAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        await inner.UpdateAsync(await ProtectAsync(document, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public Task<ResourceDocument> UpdateStatusAsync(ResourceDocument document, CancellationToken cancellationToken) =>
        inner.UpdateStatusAsync(document, cancellationToken);

    public Task<bool> DeleteAsync(ResourceKey key, long expectedResourceVersion, CancellationToken cancellationToken) =>
        inner.DeleteAsync(key, expectedResourceVersion, cancellationToken);

    public async Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var protectedOperations = new List<WriteOperation>(operations.Count);
        foreach (var operation in operations)
        {
            protectedOperations.Add(operation.Type is WriteOperationType.Create or WriteOperationType.Upsert or WriteOperationType.Update
                ? operation with { Document = await ProtectAsync(operation.Document, cancellationToken).ConfigureAwait(false) }
                : operation);
        }

        return await inner.CommitAsync(protectedOperations, cancellationToken).ConfigureAwait(false);
    }

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken) => inner.GetRevisionAsync(cancellationToken);

    public IAsyncEnumerable<ResourceChange> WatchAsync(WatchQuery query, CancellationToken cancellationToken) => inner.WatchAsync(query, cancellationToken);

    private async Task<ResourceDocument> ProtectAsync(ResourceDocument document, CancellationToken cancellationToken)
    {
        if (!SecretCipher.IsSecret(document))
        {
            return document;
        }

        var existing = await inner.GetAsync(document.Key, cancellationToken).ConfigureAwait(false);
        return cipher.Encrypt(document, existing);
    }
}
