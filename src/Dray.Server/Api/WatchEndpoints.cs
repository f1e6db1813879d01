using System.Globalization;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dray.Server.Api;

/// <summary><c>GET /api/v1/watch</c>: the change feed as server-sent events, filtered to what the caller may see.</summary>
public static class WatchEndpoints
{
    public static IEndpointRouteBuilder MapWatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Watch, WatchAsync).WithTags("Watch");
        return app;
    }

    private static async Task<Results<ServerSentEventsResult, ProblemHttpResult>> WatchAsync(
        HttpContext context, string? project, string? kind, string? resourceVersion,
        IResourceStore store, ResourceOutput output, IOptions<DrayServerOptions> options, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var identity = DrayIdentity.From(context.User)!;
        ResourceKind? resourceKind = null;
        if (kind is not null && (resourceKind = ResourceKinds.Find(kind)) is null)
        {
            return Problems.BadRequest($"Unknown kind \"{kind}\".");
        }

        if (project is not null && !identity.CanSeeProject(project))
        {
            return Problems.Forbidden($"\"{identity.Subject}\" may not watch project \"{project}\".");
        }

        var resumeText = context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastEventId ? lastEventId : resourceVersion;
        long from;
        if (string.IsNullOrEmpty(resumeText))
        {
            from = await store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (!long.TryParse(resumeText, NumberStyles.None, CultureInfo.InvariantCulture, out from))
        {
            return Problems.BadRequest("resourceVersion / Last-Event-ID must be a revision number.");
        }

        var changes = store.WatchAsync(new WatchQuery(from, resourceKind?.Kind, project), context.RequestAborted);
        return new ServerSentEventsResult(changes, change => Visible(identity, change.Document) ? output.ToJson(change.Document).ToJsonString() : null,
            options.Value.WatchHeartbeatInterval, timeProvider);
    }

    private static bool Visible(DrayIdentity identity, ResourceDocument document) =>
        identity.CanSeeProject(document.Namespace)
        && (!SecretCipher.IsSecret(document) || identity.Allows(Role.ProjectAdmin, document.Namespace));
}
