using Dray.Core.Resources;

namespace Dray.Server.Security;

/// <summary>Route patterns shared by the endpoint mappings and the <see cref="AuthorizationTable"/>.</summary>
public static class ApiRoutes
{
    public const string Healthz = "/healthz";
    public const string Readyz = "/readyz";
    public const string OpenApi = "/openapi/{documentName}.json";
    public const string Login = "/api/v1/login";
    public const string Version = "/api/v1/version";
    public const string Tokens = "/api/v1/tokens";
    public const string Token = "/api/v1/tokens/{name}";
    public const string Resources = "/api/v1/resources";
    public const string Projects = "/api/v1/projects";
    public const string Project = "/api/v1/projects/{project}";
    public const string Watch = "/api/v1/watch";
    public const string WarehouseRefresh = "/api/v1/projects/{project}/warehouses/{name}/refresh";
    public const string FreightAlias = "/api/v1/projects/{project}/freight/{nameOrAlias}/alias";
    public const string FreightApprove = "/api/v1/projects/{project}/freight/{nameOrAlias}/approve";
    public const string StagePromotions = "/api/v1/projects/{project}/stages/{stage}/promotions";
    public const string StageFreight = "/api/v1/projects/{project}/stages/{stage}/freight";
    public const string PromotionAbort = "/api/v1/projects/{project}/promotions/{name}/abort";
    public const string StageVerification = "/api/v1/projects/{project}/stages/{stage}/verification";
    public const string StageVerificationAbort = "/api/v1/projects/{project}/stages/{stage}/verification/abort";
    public const string WarehouseAssemble = "/api/v1/projects/{project}/warehouses/{name}/assemble";
    public const string StageDownstreamPromotions = "/api/v1/projects/{project}/stages/{stage}/promotions/downstream";
    public const string Webhook = "/webhooks/{receiverType}/{token}";

    /// <summary>The kinds served under <c>/api/v1/projects/{project}/{plural}</c>.</summary>
    public static IEnumerable<ResourceKind> ProjectKinds => ResourceKinds.All.Where(k => k.Namespaced);

    /// <summary>The kinds served under <c>/api/v1/{plural}</c>; Project has its own endpoints.</summary>
    public static IEnumerable<ResourceKind> ClusterKinds => ResourceKinds.All.Where(k => !k.Namespaced && k != ResourceKinds.Project);

    public static string ProjectCollection(ResourceKind kind) => $"/api/v1/projects/{{project}}/{kind.Plural}";

    public static string ProjectItem(ResourceKind kind) => $"/api/v1/projects/{{project}}/{kind.Plural}/{{name}}";

    public static string ClusterCollection(ResourceKind kind) => $"/api/v1/{kind.Plural}";

    public static string ClusterItem(ResourceKind kind) => $"/api/v1/{kind.Plural}/{{name}}";
}
