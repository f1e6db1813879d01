using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Core.Model.Common;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary><c>POST …/warehouses/{name}/refresh</c>: asks the Warehouse controller to discover now.</summary>
public static class WarehouseRefreshEndpoints
{
    private const int MaxAttempts = 5;

    public static IEndpointRouteBuilder MapWarehouseRefreshEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.WarehouseRefresh, RefreshAsync).WithName("RefreshWarehouse").WithTags(ResourceKinds.Warehouse.Kind);
        return app;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> RefreshAsync(
        string project, string name, IResourceStore store, ResourceOutput output, TimeProvider time, CancellationToken ct)
    {
        var key = new ResourceKey(ResourceKinds.Warehouse.Kind, project, name);
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(key, ct).ConfigureAwait(false);
            if (document is null)
            {
                return Problems.NotFound($"Warehouse \"{name}\" not found in project \"{project}\".");
            }

            var updated = document.Clone();
            updated.SetAnnotation(KargoAnnotations.Refresh, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            try
            {
                return TypedResults.Ok(output.ToJson(await store.UpdateAsync(updated, ct).ConfigureAwait(false)));
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // The controller wrote status meanwhile; read again.
            }
        }
    }
}
