using System.Collections.Frozen;
using Dray.Core.Resources;
using Dray.Server.Ui;

namespace Dray.Server.Security;

/// <summary>
/// The one place that says who may call what. Every mapped route has exactly one entry; a test enumerates the
/// endpoint data source against this table in both directions. <see cref="AuthorizationMiddleware"/> enforces it.
/// </summary>
public static class AuthorizationTable
{
    private static readonly AccessRequirement ClusterViewer = new(Role.Viewer, AccessScope.Cluster);
    private static readonly AccessRequirement ClusterAdmin = new(Role.Admin, AccessScope.Cluster);
    private static readonly AccessRequirement ProjectViewer = new(Role.Viewer, AccessScope.Project);
    private static readonly AccessRequirement ProjectPromoter = new(Role.Promoter, AccessScope.Project);
    private static readonly AccessRequirement ProjectAdmin = new(Role.ProjectAdmin, AccessScope.Project);
    private static readonly AccessRequirement UiPage = new(Role.Viewer, AccessScope.UiPage);
    private static readonly AccessRequirement SignedIn = new(Role.Viewer, AccessScope.Filtered);

    public static FrozenDictionary<RouteKey, AccessRequirement> Entries { get; } = Build().ToFrozenDictionary();

    /// <summary>
    /// The requirement of a route. Routes mapped for any method (the Blazor hub) are listed under <c>*</c>. Static
    /// assets are many and fingerprinted, so they are declared by path prefix (<see cref="UiRoutes.StaticAssetPrefixes"/>)
    /// and are open to anyone for GET and HEAD: they are the public MudBlazor and Blazor scripts and our stylesheet.
    /// </summary>
    public static AccessRequirement? Find(string method, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (Entries.TryGetValue(new RouteKey(method, pattern), out var requirement) || Entries.TryGetValue(new RouteKey("*", pattern), out requirement))
        {
            return requirement;
        }

        return IsStaticAsset(method, pattern) ? AccessRequirement.Anonymous : null;
    }

    public static bool IsStaticAsset(string method, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            && (pattern == UiRoutes.StaticFileFallback || UiRoutes.StaticAssetPrefixes.Any(p => pattern.TrimStart('/').StartsWith(p, StringComparison.Ordinal)));
    }

    private static Dictionary<RouteKey, AccessRequirement> Build()
    {
        var table = new Dictionary<RouteKey, AccessRequirement>
        {
            [new("GET", ApiRoutes.Healthz)] = AccessRequirement.Anonymous,
            [new("GET", ApiRoutes.Readyz)] = AccessRequirement.Anonymous,
            [new("POST", ApiRoutes.Login)] = AccessRequirement.Anonymous,
            [new("GET", ApiRoutes.OpenApi)] = ClusterViewer,
            [new("GET", ApiRoutes.Version)] = ClusterViewer,
            [new("GET", ApiRoutes.Tokens)] = ClusterAdmin,
            [new("POST", ApiRoutes.Tokens)] = ClusterAdmin,
            [new("DELETE", ApiRoutes.Token)] = ClusterAdmin,
            [new("POST", ApiRoutes.Resources)] = new(Role.ProjectAdmin, AccessScope.PerDocument),
            [new("DELETE", ApiRoutes.Resources)] = new(Role.ProjectAdmin, AccessScope.PerDocument),
            [new("GET", ApiRoutes.Projects)] = new(Role.Viewer, AccessScope.Filtered),
            [new("POST", ApiRoutes.Projects)] = ClusterAdmin,
            [new("GET", ApiRoutes.Project)] = ProjectViewer,
            [new("DELETE", ApiRoutes.Project)] = ClusterAdmin,
            [new("GET", ApiRoutes.Watch)] = new(Role.Viewer, AccessScope.Filtered),
            [new("POST", ApiRoutes.WarehouseRefresh)] = ProjectPromoter,
            [new("PATCH", ApiRoutes.FreightAlias)] = ProjectAdmin,
            [new("POST", ApiRoutes.FreightApprove)] = ProjectPromoter,
            [new("POST", ApiRoutes.StagePromotions)] = ProjectPromoter,
            [new("GET", ApiRoutes.StageFreight)] = ProjectViewer,
            [new("POST", ApiRoutes.PromotionAbort)] = ProjectPromoter,
            [new("POST", ApiRoutes.StageVerification)] = ProjectPromoter,
            [new("POST", ApiRoutes.StageVerificationAbort)] = ProjectPromoter,
            [new("POST", ApiRoutes.WarehouseAssemble)] = ProjectPromoter,
            [new("POST", ApiRoutes.StageDownstreamPromotions)] = ProjectPromoter,

            // Inbound webhooks: anonymous, but each delivery is checked against its receiver's secret.
            [new("POST", ApiRoutes.Webhook)] = new(Role.Viewer, AccessScope.WebhookSignature),

            // Web UI. The login page must be reachable signed out, and so must sign-out (it only drops the cookie).
            [new("GET", UiRoutes.Login)] = AccessRequirement.Anonymous,
            [new("POST", UiRoutes.Login)] = AccessRequirement.Anonymous,
            [new("POST", UiRoutes.Logout)] = AccessRequirement.Anonymous,
            [new("GET", UiRoutes.OpaqueRedirect)] = AccessRequirement.Anonymous,

            // Pages show only the projects the caller may see; the interactive circuit needs a signed-in caller.
            [new("*", UiRoutes.BlazorHub)] = SignedIn,
            [new("*", UiRoutes.BlazorNegotiate)] = SignedIn,
            [new("*", UiRoutes.BlazorDisconnect)] = SignedIn,
            [new("*", UiRoutes.BlazorInitializers)] = SignedIn,
        };

        foreach (var page in UiRoutes.Pages)
        {
            // Blazor maps POST on every page for form posts.
            table[new("GET", page)] = UiPage;
            table[new("POST", page)] = UiPage;
        }

        foreach (var kind in ApiRoutes.ProjectKinds)
        {
            // Secret values are redacted anyway, but even their names and keys are for project admins only.
            var read = kind == ResourceKinds.Secret ? ProjectAdmin : ProjectViewer;
            var create = kind == ResourceKinds.Promotion ? new AccessRequirement(Role.Promoter, AccessScope.Project) : ProjectAdmin;
            table[new("GET", ApiRoutes.ProjectCollection(kind))] = read;
            table[new("POST", ApiRoutes.ProjectCollection(kind))] = create;
            table[new("GET", ApiRoutes.ProjectItem(kind))] = read;
            table[new("PUT", ApiRoutes.ProjectItem(kind))] = ProjectAdmin;
            table[new("DELETE", ApiRoutes.ProjectItem(kind))] = ProjectAdmin;
        }

        foreach (var kind in ApiRoutes.ClusterKinds)
        {
            table[new("GET", ApiRoutes.ClusterCollection(kind))] = ClusterViewer;
            table[new("POST", ApiRoutes.ClusterCollection(kind))] = ClusterAdmin;
            table[new("GET", ApiRoutes.ClusterItem(kind))] = ClusterViewer;
            table[new("PUT", ApiRoutes.ClusterItem(kind))] = ClusterAdmin;
            table[new("DELETE", ApiRoutes.ClusterItem(kind))] = ClusterAdmin;
        }

        return table;
    }
}
