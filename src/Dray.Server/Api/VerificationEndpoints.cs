using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Server.Actions;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>
/// <c>POST …/stages/{stage}/verification</c> re-runs the current Freight's verification;
/// <c>POST …/stages/{stage}/verification/abort</c> stops a running one. The Stage controller acts on the annotations.
/// </summary>
public static class VerificationEndpoints
{
    public static IEndpointRouteBuilder MapVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.StageVerification, ReverifyAsync).WithName("ReverifyStage").WithTags(ResourceKinds.Stage.Kind);
        app.MapPost(ApiRoutes.StageVerificationAbort, AbortAsync).WithName("AbortVerification").WithTags(ResourceKinds.Stage.Kind);
        return app;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ReverifyAsync(
        string project, string stage, HttpContext context, StageActions actions, ResourceOutput output, CancellationToken ct) =>
        Respond(await actions.ReverifyAsync(project, stage, DrayIdentity.From(context.User)?.Subject, ct).ConfigureAwait(false), output);

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> AbortAsync(
        string project, string stage, HttpContext context, StageActions actions, ResourceOutput output, CancellationToken ct) =>
        Respond(await actions.AbortVerificationAsync(project, stage, DrayIdentity.From(context.User)?.Subject, ct).ConfigureAwait(false), output);

    private static Results<Ok<JsonObject>, ProblemHttpResult> Respond(ActionOutcome outcome, ResourceOutput output) =>
        outcome is { Succeeded: true, Document: { } document } ? TypedResults.Ok(output.ToJson(document)) : ActionProblems.From(outcome);
}
