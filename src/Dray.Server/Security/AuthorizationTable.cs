using System.Collections.Frozen;
using Dray.Core.Resources;

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

    public static FrozenDictionary<RouteKey, AccessRequirement> Entries { get; } = Build().ToFrozenDictionary();

    public static AccessRequirement? Find(string method, string pattern) =>
        Entries.TryGetValue(new RouteKey(method, pattern), out var requirement) ? requirement : null;

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
        };

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
