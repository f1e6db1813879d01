using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Server.Actions;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>
/// <c>POST …/warehouses/{name}/assemble</c> with <c>{"choices":[i, ...]}</c>: creates Freight by hand from the
/// i-th discovered artifact of each subscription (spec order).
/// </summary>
public static class WarehouseAssembleEndpoints
{
    public static IEndpointRouteBuilder MapWarehouseAssembleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.WarehouseAssemble, AssembleAsync).WithName("AssembleFreight").WithTags(ResourceKinds.Freight.Kind);
        return app;
    }

    private static async Task<Results<Created<JsonObject>, ProblemHttpResult>> AssembleAsync(
        string project, string name, AssembleBody body, WarehouseActions actions, ResourceOutput output, CancellationToken ct)
    {
        if (body.Choices is not { } choices)
        {
            return Problems.BadRequest("The body must list one artifact index per subscription: {\"choices\": [0, ...]}.");
        }

        var outcome = await actions.AssembleAsync(project, name, choices, ct).ConfigureAwait(false);
        return outcome is { Succeeded: true, Document: { } document }
            ? TypedResults.Created($"/api/v1/projects/{project}/freight/{document.Name}", output.ToJson(document))
            : ActionProblems.From(outcome);
    }

    internal sealed record AssembleBody(IReadOnlyList<int>? Choices);
}
