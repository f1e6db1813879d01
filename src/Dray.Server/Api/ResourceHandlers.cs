using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>List/get/create/update/delete for one kind in one scope, shared by the per-kind endpoint classes.</summary>
public static class ResourceHandlers
{
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(
        ResourceKind kind, string? project, int? limit, string? continueToken, string? labelSelector,
        IResourceStore store, ResourceOutput output, int defaultPageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        if (limit is < 0)
        {
            return Problems.BadRequest("limit must be zero or positive.");
        }

        if (!ListQueryParser.TryParseLabelSelector(labelSelector, out var selector, out var error))
        {
            return Problems.BadRequest(error);
        }

        var page = await store.ListAsync(new ListQuery(kind.Kind, project, limit is null or 0 ? defaultPageSize : limit.Value, continueToken, selector), cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Ok(ToList(page.Items, page.ContinueToken, page.Revision, output));
    }

    public static JsonObject ToList(IEnumerable<ResourceDocument> items, string? continueToken, long revision, ResourceOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["metadata"] = new JsonObject
            {
                ["continue"] = continueToken,
                ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture),
            },
            ["items"] = new JsonArray(items.Select(d => (JsonNode)output.ToJson(d)).ToArray()),
        };
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(
        ResourceKind kind, string? project, string name, IResourceStore store, ResourceOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        var document = await store.GetAsync(new ResourceKey(kind.Kind, project, name), cancellationToken).ConfigureAwait(false);
        return document is null ? Problems.NotFound(NotFoundText(kind, project, name)) : TypedResults.Ok(output.ToJson(document));
    }

    public static async Task<Results<Created<JsonObject>, ProblemHttpResult>> CreateAsync(
        ResourceKind kind, string? project, HttpRequest request, IResourceStore store, IManifestSchemaProvider schemas, ResourceOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        if (await MissingProjectAsync(project, store, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return missing;
        }

        var (document, problem) = await ResourceBody.ReadAsync(request, kind, project, store, schemas, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return problem!;
        }

        try
        {
            var created = await store.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"{request.Path}/{created.Name}", output.ToJson(created));
        }
        catch (ResourceAlreadyExistsException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> UpdateAsync(
        ResourceKind kind, string? project, string name, HttpRequest request, IResourceStore store, IManifestSchemaProvider schemas, ResourceOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        var (document, problem) = await ResourceBody.ReadAsync(request, kind, project, store, schemas, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return problem!;
        }

        if (document.Name != name)
        {
            return Problems.BadRequest($"metadata.name \"{document.Name}\" does not match \"{name}\" in the URL.");
        }

        try
        {
            return TypedResults.Ok(output.ToJson(await store.UpdateAsync(document, cancellationToken).ConfigureAwait(false)));
        }
        catch (ResourceNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        catch (ResourceConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        ResourceKind kind, string? project, string name, long? resourceVersion, IResourceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            return await store.DeleteAsync(new ResourceKey(kind.Kind, project, name), resourceVersion ?? 0, cancellationToken).ConfigureAwait(false)
                ? TypedResults.NoContent()
                : Problems.NotFound(NotFoundText(kind, project, name));
        }
        catch (ResourceConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static async Task<ProblemHttpResult?> MissingProjectAsync(string? project, IResourceStore store, CancellationToken cancellationToken) =>
        project is null || await store.GetAsync(new ResourceKey(ResourceKinds.Project.Kind, null, project), cancellationToken).ConfigureAwait(false) is not null
            ? null
            : Problems.NotFound($"Project \"{project}\" not found.");

    private static string NotFoundText(ResourceKind kind, string? project, string name) =>
        project is null ? $"{kind.Kind} \"{name}\" not found." : $"{kind.Kind} \"{name}\" not found in project \"{project}\".";
}
