using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;

namespace Dray.Core.Promotions;

/// <summary>
/// What a successful Promotion changes outside itself, kept minimal: the Stage's <c>lastPromotion</c> and a new
/// <c>freightHistory</c> head, and the Freight's <c>currentlyIn</c> (set on the new one, removed from the one it replaced).
/// </summary>
public sealed class PromotionSuccessRecorder(IResourceStore store, TimeProvider time)
{
    private const int HistoryLimit = 10;
    private const int MaxAttempts = 10;

    /// <summary>Records the success; returns the Stage's new current collection, or null when the Stage is gone.</summary>
    public async Task<FreightCollection?> RecordAsync(Promotion promotion, FreightReference freight, PromotionStatus status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        ArgumentNullException.ThrowIfNull(freight);
        var project = promotion.Metadata.Namespace;
        var stageKey = new ResourceKey(ResourceKinds.Stage.Kind, project, promotion.Spec.Stage);
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(stageKey, ct).ConfigureAwait(false);
            if (document is null)
            {
                return null;
            }

            var stage = KargoJson.FromDocument<Stage>(document);
            var history = stage.Status?.FreightHistory ?? [];
            var items = new Dictionary<string, FreightReference>((history.Count > 0 ? history[0].Items : null) ?? new Dictionary<string, FreightReference>(), StringComparer.Ordinal);
            var originKey = freight.Origin is { } origin ? $"{origin.Kind}/{origin.Name}" : "";
            var replaced = items.GetValueOrDefault(originKey)?.Name;
            items[originKey] = freight;
            var collection = new FreightCollection
            {
                Id = FreightCollectionId.Compute(items.Values.Select(f => f.Name ?? "")),
                Items = items,
            };
            var newStatus = (stage.Status ?? new StageStatus()) with
            {
                FreightHistory = [collection, .. history.Take(HistoryLimit - 1)],
                LastPromotion = new PromotionReference
                {
                    Name = promotion.Metadata.Name ?? "",
                    Freight = freight,
                    Status = status with { State = null, StepExecutionMetadata = null },
                    FinishedAt = status.FinishedAt,
                },
            };
            var updated = document.Clone();
            updated.Json["status"] = System.Text.Json.JsonSerializer.SerializeToNode(newStatus, KargoJson.Options);
            try
            {
                await store.UpdateStatusAsync(updated, ct).ConfigureAwait(false);
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            await SetCurrentlyInAsync(project, freight.Name, promotion.Spec.Stage, add: true, ct).ConfigureAwait(false);
            if (replaced is not null && replaced != freight.Name)
            {
                await SetCurrentlyInAsync(project, replaced, promotion.Spec.Stage, add: false, ct).ConfigureAwait(false);
            }

            return collection;
        }
    }

    private async Task SetCurrentlyInAsync(string? project, string? freightName, string stage, bool add, CancellationToken ct)
    {
        if (freightName is null)
        {
            return;
        }

        var key = new ResourceKey(ResourceKinds.Freight.Kind, project, freightName);
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(key, ct).ConfigureAwait(false);
            if (document is null)
            {
                return;
            }

            var freight = KargoJson.FromDocument<Freight>(document);
            // Leaving through FreightTransitions keeps longestSoak, which soak times upstream depend on.
            var changed = add ? FreightTransitions.EnterStage(freight, stage, time.GetUtcNow()) : FreightTransitions.LeaveStage(freight, stage, time.GetUtcNow());
            if (ReferenceEquals(changed, freight))
            {
                return;
            }

            var currentlyIn = changed.Status?.CurrentlyIn;
            var updated = document.Clone();
            var status = changed.Status! with { CurrentlyIn = currentlyIn is { Count: > 0 } ? currentlyIn : null };
            updated.Json["status"] = System.Text.Json.JsonSerializer.SerializeToNode(status, KargoJson.Options);
            try
            {
                await store.UpdateStatusAsync(updated, ct).ConfigureAwait(false);
                return;
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // Reload and apply again.
            }
        }
    }
}
