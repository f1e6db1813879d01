using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Actions;
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
        string project, string name, WarehouseActions actions, ResourceOutput output, CancellationToken ct)
    {
        var outcome = await actions.RefreshAsync(project, name, ct).ConfigureAwait(false);
        return outcome is { Succeeded: true, Document: { } document } ? TypedResults.Ok(output.ToJson(document)) : ActionProblems.From(outcome);
    }
}
