using System.Text.Json.Nodes;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;
using Dray.Server.Actions;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>
/// Promoting: <c>POST …/stages/{stage}/promotions</c>, <c>POST …/promotions/{name}/abort</c>, and the Freight a Stage
/// may take, <c>GET …/stages/{stage}/freight</c>.
/// </summary>
public static class StagePromotionEndpoints
{
    public static IEndpointRouteBuilder MapStagePromotionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.StagePromotions, PromoteAsync).WithName("PromoteToStage").WithTags(ResourceKinds.Promotion.Kind);
        app.MapPost(ApiRoutes.PromotionAbort, AbortAsync).WithName("AbortPromotion").WithTags(ResourceKinds.Promotion.Kind);
        app.MapGet(ApiRoutes.StageFreight, ListStageFreightAsync).WithName("ListStageFreight").WithTags(ResourceKinds.Stage.Kind);
        return app;
    }

    private static async Task<Results<Created<JsonObject>, ProblemHttpResult>> PromoteAsync(
        string project, string stage, PromoteBody body, HttpContext context, IResourceStore store, StageActions actions,
        ResourceOutput output, TimeProvider time, CancellationToken ct)
    {
        if (new[] { body.Freight, body.FreightAlias, body.Warehouse }.Count(v => !string.IsNullOrEmpty(v)) != 1)
        {
            return Problems.BadRequest("Name exactly one of \"freight\", \"freightAlias\" and \"warehouse\".");
        }

        if (body.Warehouse is { Length: > 0 } warehouse)
        {
            var stageDocument = await store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, project, stage), ct).ConfigureAwait(false);
            if (stageDocument is null)
            {
                return Problems.NotFound($"Stage \"{stage}\" not found in project \"{project}\".");
            }

            var (candidate, refusal) = await WarehouseCandidate.FindAsync(store, KargoJson.FromDocument<Stage>(stageDocument), warehouse, time.GetUtcNow(), ct).ConfigureAwait(false);
            if (candidate is null)
            {
                return Problems.Status(StatusCodes.Status409Conflict, refusal, "Promotion refused");
            }

            body = body with { Freight = candidate, Warehouse = null };
        }

        var actor = DrayIdentity.From(context.User)?.Subject;
        var outcome = await actions.PromoteAsync(project, stage, body.Freight, body.FreightAlias, actor, ct).ConfigureAwait(false);
        return outcome is { Succeeded: true, Document: { } document }
            ? TypedResults.Created($"/api/v1/projects/{project}/promotions/{document.Name}", output.ToJson(document))
            : ActionProblems.From(outcome, "Promotion refused");
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> AbortAsync(
        string project, string name, HttpContext context, StageActions actions, CancellationToken ct)
    {
        var actor = DrayIdentity.From(context.User)?.Subject;
        var outcome = await actions.AbortPromotionAsync(project, name, actor, ct).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Accepted($"/api/v1/projects/{project}/promotions/{name}") : ActionProblems.From(outcome);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListStageFreightAsync(
        string project, string stage, IResourceStore store, ResourceOutput output, TimeProvider time, CancellationToken ct)
    {
        var stageDocument = await store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, project, stage), ct).ConfigureAwait(false);
        if (stageDocument is null)
        {
            return Problems.NotFound($"Stage \"{stage}\" not found in project \"{project}\".");
        }

        var documents = new Dictionary<string, ResourceDocument>(StringComparer.Ordinal);
        string? continueToken = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(ResourceKinds.Freight.Kind, project, 500, continueToken), ct).ConfigureAwait(false);
            foreach (var document in page.Items)
            {
                documents[document.Name] = document;
            }

            continueToken = page.ContinueToken;
        }
        while (continueToken is not null);

        var rows = AvailableFreightQuery.For(
            KargoJson.FromDocument<Stage>(stageDocument), documents.Values.Select(KargoJson.FromDocument<Freight>), time.GetUtcNow());
        var items = new JsonArray();
        foreach (var row in rows)
        {
            items.Add(new JsonObject
            {
                ["freight"] = output.ToJson(documents[row.Freight.Metadata.Name!]),
                ["available"] = row.Available,
                ["reason"] = row.Reason,
            });
        }

        return TypedResults.Ok(new JsonObject { ["items"] = items });
    }

    internal sealed record PromoteBody(string? Freight, string? FreightAlias, string? Warehouse = null);
}
