using Dray.Core.Controllers;
using Dray.Core.Model;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;

namespace Dray.Core.Promotions;

/// <summary>
/// Runs a Promotion when its turn in its Stage's queue comes; a queued one looks again after
/// <see cref="PromotionEngineOptions.QueueRecheckInterval"/>. An abort request is honoured whatever the turn.
/// </summary>
public sealed class PromotionReconciler(IResourceStore store, PromotionRunner runner, PromotionEngineOptions options)
    : IReconciler<ResourceKey>
{
    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var document = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return ReconcileResult.Done;
        }

        var promotion = KargoJson.FromDocument<Promotion>(document);
        if (PromotionPhases.IsTerminal(promotion.Status?.Phase))
        {
            return ReconcileResult.Done;
        }

        if (!PromotionAbort.IsRequested(document) && !await IsTurnAsync(promotion, cancellationToken).ConfigureAwait(false))
        {
            return ReconcileResult.After(options.QueueRecheckInterval);
        }

        var result = await runner.RunAsync(key, cancellationToken).ConfigureAwait(false);
        return result?.RequeueAfter is { } delay ? ReconcileResult.After(delay) : ReconcileResult.Done;
    }

    private async Task<bool> IsTurnAsync(Promotion promotion, CancellationToken ct)
    {
        var siblings = new List<Promotion>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(
                new ListQuery(ResourceKinds.Promotion.Kind, promotion.Metadata.Namespace, 500, token), ct).ConfigureAwait(false);
            siblings.AddRange(page.Items.Select(KargoJson.FromDocument<Promotion>).Where(p => p.Spec.Stage == promotion.Spec.Stage));
            token = page.ContinueToken;
        }
        while (token is not null);

        if (PromotionQueue.Next(siblings) != promotion.Metadata.Name)
        {
            return false;
        }

        if (promotion.Status?.Phase == PromotionPhase.Running)
        {
            return true;
        }

        // A queued Promotion never overtakes the verification of the Freight before it (Kargo #7032).
        var stage = await store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, promotion.Metadata.Namespace, promotion.Spec.Stage), ct).ConfigureAwait(false);
        return stage is null || StageVerificationRules.CanStartQueuedPromotion(KargoJson.FromDocument<Stage>(stage), promotion).Open;
    }
}
