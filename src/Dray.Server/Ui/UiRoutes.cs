namespace Dray.Server.Ui;

/// <summary>The web UI's routes, shared by the pages and the authorization table.</summary>
public static class UiRoutes
{
    public const string Login = "/login";
    public const string Logout = "/logout";
    public const string Projects = "/";
    public const string Project = "/projects/{Project}";
    public const string Stage = "/projects/{Project}/stages/{Name}";
    public const string Promotion = "/projects/{Project}/promotions/{Name}";
    public const string Freight = "/projects/{Project}/freight/{Name}";
    public const string Warehouse = "/projects/{Project}/warehouses/{Name}";
    public const string Verification = "/projects/{Project}/analysisruns/{Name}";
    public const string BlazorHub = "/_blazor";
    public const string BlazorNegotiate = "/_blazor/negotiate";
    public const string BlazorDisconnect = "/_blazor/disconnect/";
    public const string BlazorInitializers = "/_blazor/initializers/";
    public const string OpaqueRedirect = "/_framework/opaque-redirect";

    /// <summary>The development fallback of MapStaticAssets: files under wwwroot that the build manifest does not list.</summary>
    public const string StaticFileFallback = "{**path:file}";

    /// <summary>Page routes: an anonymous visitor is sent to the login page instead of getting a 401.</summary>
    public static IReadOnlyList<string> Pages { get; } = [Projects, Project, Stage, Promotion, Freight, Warehouse, Verification];

    /// <summary>Path prefixes of the static assets (MudBlazor, the Blazor script, our stylesheet): open to anyone.</summary>
    public static IReadOnlyList<string> StaticAssetPrefixes { get; } = ["_content/", "_framework/", "ui/"];

    public static string ProjectPath(string project) => $"/projects/{Uri.EscapeDataString(project)}";

    public static string StagePath(string project, string name) => Item(project, "stages", name);

    public static string PromotionPath(string project, string name) => Item(project, "promotions", name);

    public static string FreightPath(string project, string name) => Item(project, "freight", name);

    public static string WarehousePath(string project, string name) => Item(project, "warehouses", name);

    public static string VerificationPath(string project, string name) => Item(project, "analysisruns", name);

    private static string Item(string project, string collection, string name) =>
        $"/projects/{Uri.EscapeDataString(project)}/{collection}/{Uri.EscapeDataString(name)}";

    /// <summary>Only local paths may be returned to after login; anything else goes to the projects page.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : Projects;
}
