using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Server.Api.Contracts;
using Dray.Server.Manifests;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dray.Server.Api;

/// <summary><c>POST|DELETE /api/v1/resources</c>: apply or delete manifests, authorised document by document.</summary>
public static class ResourceApplyEndpoints
{
    public static IEndpointRouteBuilder MapResourceApplyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Resources, ApplyAsync).WithTags("Manifests").DisableAntiforgery()
            .Accepts<string>("application/yaml", "application/json", "multipart/form-data");
        app.MapDelete(ApiRoutes.Resources, DeleteAsync).WithTags("Manifests").DisableAntiforgery()
            .Accepts<string>("application/yaml", "application/json", "multipart/form-data");
        return app;
    }

    private static async Task<Results<Ok<ApplyResponse>, ProblemHttpResult>> ApplyAsync(
        HttpContext context, bool? dryRun, [FromServices] IManifestApplier applier, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var identity = DrayIdentity.From(context.User)!;
        var (files, error) = await ManifestBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (files is null)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, error);
        }

        try
        {
            if (await DenyAsync(identity, files, applier, cancellationToken).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            var result = await applier.ApplyAsync(files, dryRun ?? false, cancellationToken).ConfigureAwait(false);
            ServerLog.Applied(loggers.CreateLogger(typeof(ResourceApplyEndpoints)), identity.Subject, result.Results.Count, dryRun ?? false);
            return TypedResults.Ok(new ApplyResponse(result.Results, result.Warnings));
        }
        catch (ManifestException e)
        {
            return Problems.Manifest(e.Errors);
        }
    }

    private static async Task<Results<Ok<DeleteResponse>, ProblemHttpResult>> DeleteAsync(
        HttpContext context, [FromServices] IManifestApplier applier, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var identity = DrayIdentity.From(context.User)!;
        var (files, error) = await ManifestBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (files is null)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, error);
        }

        try
        {
            if (await DenyAsync(identity, files, applier, cancellationToken).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            var results = await applier.DeleteAsync(files, cancellationToken).ConfigureAwait(false);
            ServerLog.DeletedByManifest(loggers.CreateLogger(typeof(ResourceApplyEndpoints)), identity.Subject, results.Count);
            return TypedResults.Ok(new DeleteResponse(results));
        }
        catch (ManifestException e)
        {
            return Problems.Manifest(e.Errors);
        }
    }

    /// <summary>
    /// The per-document half of the authorization table entry: namespaced documents need project-admin in their
    /// project, cluster-scoped ones (Project, ClusterPromotionTask) need admin.
    /// </summary>
    private static async Task<ProblemHttpResult?> DenyAsync(
        DrayIdentity identity, IReadOnlyList<ManifestSource> files, [FromServices] IManifestApplier applier, CancellationToken cancellationToken)
    {
        var keys = await applier.ResolveAsync(files, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            var allowed = ResourceKinds.FindByKind(key.Kind)?.Namespaced == true && key.Namespace is not null
                ? identity.Allows(Role.ProjectAdmin, key.Namespace)
                : identity.Allows(Role.Admin, null);
            if (!allowed)
            {
                return Problems.Forbidden(key.Namespace is null
                    ? $"\"{identity.Subject}\" needs role admin to change {key}."
                    : $"\"{identity.Subject}\" needs role project-admin in project \"{key.Namespace}\" to change {key}.");
            }
        }

        return null;
    }
}
