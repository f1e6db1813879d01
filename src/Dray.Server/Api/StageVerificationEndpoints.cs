using System.Text.Json.Nodes;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Stages.Verifying;
using Dray.Core.Storage;
using Dray.Server.Actions;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>
/// Verification control and downstream promotion: <c>POST …/stages/{stage}/verification</c> (re-verify),
/// <c>POST …/stages/{stage}/verification/abort</c>, and <c>POST …/stages/{stage}/promotions/downstream</c>.
/// </summary>
public static class StageVerificationEndpoints
{
    public static IEndpointRouteBuilder MapStageVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.StageVerification, ReverifyAsync).WithName("ReverifyStage").WithTags(ResourceKinds.Stage.Kind);
        app.MapPost(ApiRoutes.StageVerificationAbort, AbortAsync).WithName("AbortStageVerification").WithTags(ResourceKinds.Stage.Kind);
        app.MapPost(ApiRoutes.StageDownstreamPromotions, PromoteDownstreamAsync).WithName("PromoteDownstream").WithTags(ResourceKinds.Promotion.Kind);
        return app;
    }

    private static Task<Results<Accepted, ProblemHttpResult>> ReverifyAsync(
        string project, string stage, HttpContext context, StageVerificationService verification, CancellationToken ct) =>
        RequestAsync(project, stage, () => verification.ReverifyAsync(project, stage, DrayIdentity.From(context.User)?.Subject, ct));

    private static Task<Results<Accepted, ProblemHttpResult>> AbortAsync(
        string project, string stage, HttpContext context, StageVerificationService verification, CancellationToken ct) =>
        RequestAsync(project, stage, () => verification.AbortAsync(project, stage, DrayIdentity.From(context.User)?.Subject, ct));

    private static async Task<Results<Accepted, ProblemHttpResult>> RequestAsync(string project, string stage, Func<Task<string?>> request)
    {
        try
        {
            return await request().ConfigureAwait(false) is { } refusal
                ? Problems.Conflict(refusal)
                : TypedResults.Accepted($"/api/v1/projects/{project}/stages/{stage}");
        }
        catch (ResourceNotFoundException)
        {
            return Problems.NotFound($"Stage \"{stage}\" not found in project \"{project}\".");
        }
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> PromoteDownstreamAsync(
        string project, string stage, StagePromotionEndpoints.PromoteBody body, HttpContext context, IResourceStore store,
        PromotionCreator creator, StageActions actions, ResourceOutput output, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.Freight) == string.IsNullOrEmpty(body.FreightAlias))
        {
            return Problems.BadRequest("Name exactly one of \"freight\" and \"freightAlias\".");
        }

        if (await store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, project, stage), ct).ConfigureAwait(false) is null)
        {
            return Problems.NotFound($"Stage \"{stage}\" not found in project \"{project}\".");
        }

        var document = body.Freight is { Length: > 0 } name
            ? await store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, project, name), ct).ConfigureAwait(false)
            : await FreightLookup.FindByAliasAsync(store, project, body.FreightAlias!, ct).ConfigureAwait(false);
        if (document is null)
        {
            return Problems.NotFound(FreightLookup.NotFound(project, body.Freight ?? body.FreightAlias!));
        }

        var freight = KargoJson.FromDocument<Freight>(document);
        var downstream = await actions.DownstreamStagesAsync(project, stage, freight.Origin, ct).ConfigureAwait(false);
        if (downstream.Count == 0)
        {
            return Problems.Conflict($"no Stage takes Freight from {freight.Origin} out of Stage \"{stage}\".");
        }

        var actor = DrayIdentity.From(context.User)?.Subject;
        var created = new JsonArray();
        var skipped = new JsonArray();
        foreach (var target in downstream)
        {
            var availability = FreightAvailability.Evaluate(target, freight, time.GetUtcNow());
            if (!availability.Available)
            {
                skipped.Add(new JsonObject { ["stage"] = target.Metadata.Name, ["reason"] = availability.Reason });
                continue;
            }

            try
            {
                var promotion = await creator.CreateAsync(project, target.Metadata.Name!, freight.Metadata.Name!, actor, ct).ConfigureAwait(false);
                created.Add(output.ToJson(KargoJson.ToDocument(promotion)));
            }
            catch (PromotionRejectedException e)
            {
                skipped.Add(new JsonObject { ["stage"] = target.Metadata.Name, ["reason"] = e.Message });
            }
        }

        return TypedResults.Ok(new JsonObject { ["items"] = created, ["skipped"] = skipped });
    }
}
