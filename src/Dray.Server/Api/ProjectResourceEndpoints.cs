using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dray.Server.Api;

/// <summary>CRUD for one project-scoped kind under <c>/api/v1/projects/{project}/{plural}</c>.</summary>
public static class ProjectResourceEndpoints
{
    public static IEndpointRouteBuilder MapProjectResourceEndpoints(this IEndpointRouteBuilder app, ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var tag = kind.Kind;
        app.MapGet(ApiRoutes.ProjectCollection(kind),
                (string project, int? limit, [FromQuery(Name = "continue")] string? continueToken, string? labelSelector,
                 IResourceStore store, ResourceOutput output, IOptions<DrayServerOptions> options, CancellationToken ct) =>
                    ResourceHandlers.ListAsync(kind, project, limit, continueToken, labelSelector, store, output, options.Value.DefaultPageSize, ct))
            .WithName($"List{kind.Kind}").WithTags(tag);
        app.MapPost(ApiRoutes.ProjectCollection(kind),
                (string project, HttpRequest request, IResourceStore store, IManifestSchemaProvider schemas, ResourceOutput output, CancellationToken ct) =>
                    ResourceHandlers.CreateAsync(kind, project, request, store, schemas, output, ct))
            .WithName($"Create{kind.Kind}").WithTags(tag).Accepts<object>("application/json", "application/yaml");
        app.MapGet(ApiRoutes.ProjectItem(kind),
                (string project, string name, IResourceStore store, ResourceOutput output, CancellationToken ct) =>
                    ResourceHandlers.GetAsync(kind, project, name, store, output, ct))
            .WithName($"Get{kind.Kind}").WithTags(tag);
        app.MapPut(ApiRoutes.ProjectItem(kind),
                (string project, string name, HttpRequest request, IResourceStore store, IManifestSchemaProvider schemas, ResourceOutput output, CancellationToken ct) =>
                    ResourceHandlers.UpdateAsync(kind, project, name, request, store, schemas, output, ct))
            .WithName($"Update{kind.Kind}").WithTags(tag).Accepts<object>("application/json", "application/yaml");
        app.MapDelete(ApiRoutes.ProjectItem(kind),
                (string project, string name, long? resourceVersion, IResourceStore store, CancellationToken ct) =>
                    ResourceHandlers.DeleteAsync(kind, project, name, resourceVersion, store, ct))
            .WithName($"Delete{kind.Kind}").WithTags(tag);
        return app;
    }
}
