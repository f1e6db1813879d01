using System.Text.Json.Nodes;
using Dray.Core.Model;
using Dray.Core.Model.Common;
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

/// <summary>Changes to one Freight: <c>PATCH …/freight/{nameOrAlias}/alias</c> and <c>POST …/approve?stage=</c>.</summary>
public static class FreightActionEndpoints
{
    public static IEndpointRouteBuilder MapFreightActionEndpoints(this IEndpointRouteBuilder app)
    {
        var tag = ResourceKinds.Freight.Kind;
        app.MapPatch(ApiRoutes.FreightAlias, SetAliasAsync).WithName("UpdateFreightAlias").WithTags(tag);
        app.MapPost(ApiRoutes.FreightApprove, ApproveAsync).WithName("ApproveFreight").WithTags(tag);
        return app;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> SetAliasAsync(
        string project, string nameOrAlias, AliasBody body, IResourceStore store, ResourceOutput output, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Alias))
        {
            return Problems.BadRequest("The body must name the new alias: {\"alias\": \"...\"}.");
        }

        var document = await FreightLookup.FindAsync(store, project, nameOrAlias, ct).ConfigureAwait(false);
        if (document is null)
        {
            return Problems.NotFound(FreightLookup.NotFound(project, nameOrAlias));
        }

        if (await FreightLookup.FindByAliasAsync(store, project, body.Alias, ct).ConfigureAwait(false) is { } holder && holder.Name != document.Name)
        {
            return Problems.Conflict($"Alias \"{body.Alias}\" is already used by Freight \"{holder.Name}\".");
        }

        var updated = document.Clone();
        updated.Json["alias"] = body.Alias;
        updated.SetLabel(KargoLabels.Alias, body.Alias);
        return TypedResults.Ok(output.ToJson(await store.UpdateAsync(updated, ct).ConfigureAwait(false)));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ApproveAsync(
        string project, string nameOrAlias, string? stage, FreightActions actions, ResourceOutput output, CancellationToken ct)
    {
        var outcome = await actions.ApproveAsync(project, nameOrAlias, stage, ct).ConfigureAwait(false);
        return outcome is { Succeeded: true, Document: { } document } ? TypedResults.Ok(output.ToJson(document)) : ActionProblems.From(outcome, "Approval refused");
    }

    internal sealed record AliasBody(string? Alias);
}
