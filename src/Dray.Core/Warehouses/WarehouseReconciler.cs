using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Controllers;
using Dray.Core.Model;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Warehouses;

/// <summary>
/// Discovers a Warehouse's artifacts when due, records them in status, and (with the Automatic policy) publishes
/// Freight for the newest artifact of every subscription. Writes nothing when nothing changed.
/// </summary>
public sealed class WarehouseReconciler(
    IResourceStore store,
    WarehouseDiscovery discovery,
    FreightPublisher publisher,
    WarehouseDiscoveryTracker tracker,
    WarehouseReconcilerOptions options,
    TimeProvider timeProvider,
    ILogger<WarehouseReconciler> logger) : IReconciler<ResourceKey>
{
    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var document = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            tracker.Remove(key);
            return ReconcileResult.Done;
        }

        var warehouse = KargoJson.FromDocument<Warehouse>(document);
        var now = timeProvider.GetUtcNow();
        var (trigger, wait) = DiscoverySchedule.Decide(warehouse, tracker.Get(key), now);
        if (trigger == DiscoveryTrigger.None)
        {
            return ReconcileResult.After(wait);
        }

        WarehouseLog.Discovering(logger, trigger);
        WarehouseStatus next;
        TimeSpan requeue;
        try
        {
            var freshAfter = DiscoverySchedule.FreshAfter(warehouse, trigger, now);
            var discovered = await discovery.DiscoverAsync(warehouse, freshAfter, cancellationToken).ConfigureAwait(false);
            next = await PublishAsync(warehouse, discovered, now, cancellationToken).ConfigureAwait(false);
            requeue = DiscoverySchedule.EffectiveInterval(warehouse.Spec, options.MinInterval);
            tracker.RecordSuccess(key, now + requeue);
        }
        catch (DiscoveryFailedException ex)
        {
            requeue = tracker.RecordFailure(key, now, options.Backoff, options.Random());
            WarehouseLog.DiscoveryFailed(logger, ex.Message, requeue);
            next = WarehouseStatusCalculator.Failed(warehouse, ex.Message, requeue, now);
        }

        await WriteStatusIfChangedAsync(document, next, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.After(requeue);
    }

    private async Task<WarehouseStatus> PublishAsync(Warehouse warehouse, DiscoveredArtifacts discovered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The status calculator decides the discovery time (kept when nothing new was found); Freight carries the same.
        var probe = WarehouseStatusCalculator.Succeeded(warehouse, discovered, null, null, now);
        discovered = probe.DiscoveredArtifacts!;
        if ((warehouse.Spec.FreightCreationPolicy ?? FreightCreationPolicy.Automatic) != FreightCreationPolicy.Automatic)
        {
            return probe;
        }

        var candidate = FreightFactory.Build(warehouse, discovered);
        if (candidate.Freight is not { } freight)
        {
            return WarehouseStatusCalculator.Succeeded(warehouse, discovered, null, candidate.MissingReason, now);
        }

        if (!FreightCreationCriteriaEvaluator.Allows(warehouse, freight, timeProvider))
        {
            return WarehouseStatusCalculator.Succeeded(warehouse, discovered, null, "no Freight: freightCreationCriteria not met", now);
        }

        if (await publisher.CreateIfAbsentAsync(freight, cancellationToken).ConfigureAwait(false) is { } alias)
        {
            WarehouseLog.FreightCreated(logger, freight.Metadata.Name ?? "", alias);
        }

        return WarehouseStatusCalculator.Succeeded(warehouse, discovered, freight.Metadata.Name, null, now);
    }

    private async Task WriteStatusIfChangedAsync(ResourceDocument document, WarehouseStatus next, CancellationToken cancellationToken)
    {
        var nextJson = JsonSerializer.SerializeToNode(next, KargoJson.Options);
        if (JsonNode.DeepEquals(document.Json["status"], nextJson))
        {
            WarehouseLog.StatusUnchanged(logger);
            return;
        }

        var updated = document.Clone();
        updated.Json["status"] = nextJson;
        await store.UpdateStatusAsync(updated, cancellationToken).ConfigureAwait(false);
    }
}
