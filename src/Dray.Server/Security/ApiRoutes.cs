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

    /// <summary>The kinds served under <c>/api/v1/projects/{project}/{plural}</c>.</summary>
    public static IEnumerable<ResourceKind> ProjectKinds => ResourceKinds.All.Where(k => k.Namespaced);

    /// <summary>The kinds served under <c>/api/v1/{plural}</c>; Project has its own endpoints.</summary>
    public static IEnumerable<ResourceKind> ClusterKinds => ResourceKinds.All.Where(k => !k.Namespaced && k != ResourceKinds.Project);

    public static string ProjectCollection(ResourceKind kind) => $"/api/v1/projects/{{project}}/{kind.Plural}";

    public static string ProjectItem(ResourceKind kind) => $"/api/v1/projects/{{project}}/{kind.Plural}/{{name}}";

    public static string ClusterCollection(ResourceKind kind) => $"/api/v1/{kind.Plural}";

    public static string ClusterItem(ResourceKind kind) => $"/api/v1/{kind.Plural}/{{name}}";
}
