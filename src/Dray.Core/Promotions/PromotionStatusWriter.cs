using System.Text.Json;
using Dray.Core.Model;
using Dray.Core.Model.Promotions;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Promotions;

/// <summary>Writes a Promotion's status with optimistic concurrency: on a conflict, reload and write again.</summary>
internal static class PromotionStatusWriter
{
    private const int MaxAttempts = 10;

    public static async Task<ResourceDocument> SaveAsync(IResourceStore store, ResourceDocument current, PromotionStatus status, CancellationToken ct)
    {
        var node = JsonSerializer.SerializeToNode(status, KargoJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            var document = current.Clone();
            document.Json["status"] = node?.DeepClone();
            try
            {
                return await store.UpdateStatusAsync(document, ct).ConfigureAwait(false);
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // Someone changed the metadata (an abort, a refresh): our status still wins.
                current = await store.GetAsync(current.Key, ct).ConfigureAwait(false)
                    ?? throw new ResourceNotFoundException(current.Key);
            }
        }
    }
}
