using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dray.Server.Api;

/// <summary>CRUD for one cluster-scoped kind under <c>/api/v1/{plural}</c>.</summary>
public static class ClusterResourceEndpoints
{
    public static IEndpointRouteBuilder MapClusterResourceEndpoints(this IEndpointRouteBuilder app, ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var tag = kind.Kind;
        app.MapGet(ApiRoutes.ClusterCollection(kind),
                (int? limit, [FromQuery(Name = "continue")] string? continueToken, string? labelSelector,
                 IResourceStore store, ResourceOutput output, IOptions<DrayServerOptions> options, CancellationToken ct) =>
                    ResourceHandlers.ListAsync(kind, null, limit, continueToken, labelSelector, store, output, options.Value.DefaultPageSize, ct))
            .WithName($"List{kind.Kind}").WithTags(tag);
        app.MapPost(ApiRoutes.ClusterCollection(kind),
                (HttpRequest request, IResourceStore store, IManifestSchemaProvider schemas, ResourceOutput output, CancellationToken ct) =>
                    ResourceHandlers.CreateAsync(kind, null, request, store, schemas, output, ct))
            .WithName($"Create{kind.Kind}").WithTags(tag).Accepts<object>("application/json", "application/yaml");
        app.MapGet(ApiRoutes.ClusterItem(kind),
                (string name, IResourceStore store, ResourceOutput output, CancellationToken ct) =>
                    ResourceHandlers.GetAsync(kind, null, name, store, output, ct))
            .WithName($"Get{kind.Kind}").WithTags(tag);
        app.MapPut(ApiRoutes.ClusterItem(kind),
                (string name, HttpRequest request, IResourceStore store, IManifestSchemaProvider schemas, ResourceOutput output, CancellationToken ct) =>
                    ResourceHandlers.UpdateAsync(kind, null, name, request, store, schemas, output, ct))
            .WithName($"Update{kind.Kind}").WithTags(tag).Accepts<object>("application/json", "application/yaml");
        app.MapDelete(ApiRoutes.ClusterItem(kind),
                (string name, long? resourceVersion, IResourceStore store, CancellationToken ct) =>
                    ResourceHandlers.DeleteAsync(kind, null, name, resourceVersion, store, ct))
            .WithName($"Delete{kind.Kind}").WithTags(tag);
        return app;
    }
}
