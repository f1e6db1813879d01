using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary><c>POST …/warehouses/{name}/refresh</c>: asks the Warehouse controller to discover now.</summary>
public static class WarehouseRefreshEndpoints
{
    public static IEndpointRouteBuilder MapWarehouseRefreshEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.WarehouseRefresh, RefreshAsync).WithName("RefreshWarehouse").WithTags(ResourceKinds.Warehouse.Kind);
        return app;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> RefreshAsync(
        string project, string name, IResourceStore store, ResourceOutput output, TimeProvider time, CancellationToken ct)
    {
        var refreshed = await WarehouseRefresher.RequestAsync(store, project, name, time.GetUtcNow(), ct).ConfigureAwait(false);
        return refreshed is null
            ? Problems.NotFound($"Warehouse \"{name}\" not found in project \"{project}\".")
            : TypedResults.Ok(output.ToJson(refreshed));
    }
}
