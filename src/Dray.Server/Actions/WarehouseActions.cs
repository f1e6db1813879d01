using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;

namespace Dray.Server.Actions;

/// <summary>Refresh a Warehouse and assemble Freight by hand: shared by the REST API and the UI.</summary>
public sealed class WarehouseActions(IResourceStore store, FreightAliasGenerator aliases, TimeProvider time)
{
    /// <summary>Sets the refresh annotation, which makes the Warehouse controller discover now.</summary>
    public async Task<ActionOutcome> RefreshAsync(string project, string name, CancellationToken ct)
    {
        var refreshed = await WarehouseRefresher.RequestAsync(store, project, name, time.GetUtcNow(), ct).ConfigureAwait(false);
        return refreshed is null ? ActionOutcome.NotFound(NotFound(project, name)) : ActionOutcome.Done($"Refresh of Warehouse {name} requested.", refreshed);
    }

    /// <summary>
    /// Creates Freight from one discovered artifact per subscription. <paramref name="choices"/> holds, for each
    /// subscription in spec order, the index of the chosen artifact in that subscription's discovery result.
    /// </summary>
    public async Task<ActionOutcome> AssembleAsync(string project, string name, IReadOnlyList<int> choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var document = await store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, project, name), ct).ConfigureAwait(false);
        if (document is null)
        {
            return ActionOutcome.NotFound(NotFound(project, name));
        }

        var warehouse = KargoJson.FromDocument<Warehouse>(document);
        if (warehouse.Status?.DiscoveredArtifacts is not { } discovered)
        {
            return ActionOutcome.Conflict($"Warehouse \"{name}\" has discovered nothing yet; refresh it first.");
        }

        if (choices.Count != warehouse.Spec.Subscriptions.Count)
        {
            return ActionOutcome.Invalid($"Pick one artifact for each of the {warehouse.Spec.Subscriptions.Count} subscriptions.");
        }

        if (FreightAssembly.Select(warehouse.Spec.Subscriptions, discovered, choices) is not { } chosen)
        {
            return ActionOutcome.Invalid("A chosen artifact is not among the discovered ones; reload and pick again.");
        }

        var candidate = FreightFactory.Build(warehouse, chosen with { DiscoveredAt = time.GetUtcNow() });
        if (candidate.Freight is not { } freight)
        {
            return ActionOutcome.Invalid(candidate.MissingReason ?? "No Freight could be built.");
        }

        var alias = await new FreightPublisher(store, aliases).CreateIfAbsentAsync(freight, ct).ConfigureAwait(false);
        return alias is null
            ? ActionOutcome.Conflict($"Freight {freight.Metadata.Name} with exactly these artifacts exists already.")
            : ActionOutcome.Done($"Freight {alias} created.", await store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, project, freight.Metadata.Name ?? ""), ct).ConfigureAwait(false));
    }

    private static string NotFound(string project, string name) => $"Warehouse \"{name}\" not found in project \"{project}\".";
}
