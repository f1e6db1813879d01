using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dray.Server.Api;

public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Projects, ListAsync).WithTags("Project");
        app.MapPost(ApiRoutes.Projects, CreateAsync).WithTags("Project").Accepts<object>("application/json");
        app.MapGet(ApiRoutes.Project, (string project, IResourceStore store, ResourceOutput output, CancellationToken ct) =>
            ResourceHandlers.GetAsync(ResourceKinds.Project, null, project, store, output, ct)).WithTags("Project");
        app.MapDelete(ApiRoutes.Project, DeleteAsync).WithTags("Project");
        return app;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(
        HttpContext context, int? limit, [FromQuery(Name = "continue")] string? continueToken, string? labelSelector,
        IResourceStore store, ResourceOutput output, IOptions<DrayServerOptions> options, CancellationToken cancellationToken)
    {
        var identity = DrayIdentity.From(context.User)!;
        if (identity.Project is null)
        {
            return await ResourceHandlers.ListAsync(ResourceKinds.Project, null, limit, continueToken, labelSelector, store, output,
                options.Value.DefaultPageSize, cancellationToken).ConfigureAwait(false);
        }

        // A project-bound token sees only its own project.
        var own = await store.GetAsync(new ResourceKey(ResourceKinds.Project.Kind, null, identity.Project), cancellationToken).ConfigureAwait(false);
        var revision = await store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ResourceHandlers.ToList(own is null ? [] : [own], null, revision, output));
    }

    private static async Task<Results<Created<JsonObject>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IResourceStore store, IManifestSchemaProvider schemas, ResourceOutput output, CancellationToken cancellationToken)
    {
        var (json, problem) = await ResourceBody.ParseAsync(request, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return problem!;
        }

        // The short form {"name": "..."} stands for a Project with an empty spec.
        if (json["metadata"] is null && json["name"] is JsonValue name && name.TryGetValue<string>(out var shortName))
        {
            json = new JsonObject { ["metadata"] = new JsonObject { ["name"] = shortName } };
        }

        var (parsed, error) = ResourceBody.ToDocument(json, ResourceKinds.Project, null);
        if (parsed is null)
        {
            return Problems.BadRequest(error);
        }

        var (document, invalid) = await ResourceBody.ValidateAsync(parsed, null, store, schemas, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return invalid!;
        }

        try
        {
            var created = await store.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"{ApiRoutes.Projects}/{created.Name}", output.ToJson(created));
        }
        catch (ResourceAlreadyExistsException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    /// <summary>Deletes the project and, in the same transaction, everything in it.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string project, IResourceStore store, CancellationToken cancellationToken)
    {
        var key = new ResourceKey(ResourceKinds.Project.Kind, null, project);
        var document = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return Problems.NotFound($"Project \"{project}\" not found.");
        }

        var operations = new List<WriteOperation>();
        foreach (var kind in ApiRoutes.ProjectKinds.Reverse())
        {
            string? token = null;
            do
            {
                var page = await store.ListAsync(new ListQuery(kind.Kind, project, 500, token), cancellationToken).ConfigureAwait(false);
                operations.AddRange(page.Items.Select(d => new WriteOperation(WriteOperationType.Delete, d)));
                token = page.ContinueToken;
            }
            while (token is not null);
        }

        operations.Add(new WriteOperation(WriteOperationType.Delete, document));
        await store.CommitAsync(operations, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
