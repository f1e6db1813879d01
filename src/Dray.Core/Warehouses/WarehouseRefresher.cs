using System.Globalization;
using Dray.Core.Model.Common;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Warehouses;

/// <summary>
/// Asks the Warehouse controller to discover now: a new <c>kargo.akuity.io/refresh</c> value, which the
/// reconciler sees on the change feed (<see cref="DiscoveryTrigger.Refresh"/>). Used by the refresh API and webhooks.
/// </summary>
public static class WarehouseRefresher
{
    private const int MaxAttempts = 5;

    /// <summary>Returns the updated Warehouse, or null when it does not exist.</summary>
    public static Task<ResourceDocument?> RequestAsync(IResourceStore store, string project, string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        RequestAsync(store, new ResourceKey(ResourceKinds.Warehouse.Kind, project, name), now, cancellationToken);

    /// <summary>
    /// The same request for any resource whose controller reacts to a new annotation value (a Promotion runs its
    /// current step again at once). Returns the updated resource, or null when it does not exist.
    /// </summary>
    public static async Task<ResourceDocument?> RequestAsync(IResourceStore store, ResourceKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                return null;
            }

            var updated = document.Clone();
            updated.SetAnnotation(KargoAnnotations.Refresh, now.ToString("O", CultureInfo.InvariantCulture));
            try
            {
                return await store.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // The controller wrote status meanwhile; read again.
            }
            catch (ResourceNotFoundException)
            {
                return null;
            }
        }
    }
}
