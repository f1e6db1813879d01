using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Promotions;

/// <summary>Operations the API performs on Promotions.</summary>
public sealed class PromotionService(IResourceStore store)
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// Asks the engine to abort: sets <c>kargo.akuity.io/abort</c> to <c>{"action":"terminate"}</c>. The running
    /// step is cancelled within moments and the phase becomes Aborted. Returns false when the Promotion is already
    /// terminal, where an abort has no effect.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">No such Promotion.</exception>
    public async Task<bool> AbortAsync(string project, string name, string? actor, CancellationToken ct)
    {
        var key = new ResourceKey(ResourceKinds.Promotion.Kind, project, name);
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(key, ct).ConfigureAwait(false) ?? throw new ResourceNotFoundException(key);
            if (PromotionPhases.IsTerminal(KargoJson.FromDocument<Promotion>(document).Status?.Phase))
            {
                return false;
            }

            var updated = document.Clone();
            updated.SetAnnotation(KargoAnnotations.Abort, PromotionAbort.Value(actor));
            try
            {
                await store.UpdateAsync(updated, ct).ConfigureAwait(false);
                return true;
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // The engine wrote status meanwhile: read again and retry.
            }
        }
    }
}
