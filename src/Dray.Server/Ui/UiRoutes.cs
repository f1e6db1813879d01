namespace Dray.Server.Ui;

/// <summary>The web UI's routes, shared by the pages and the authorization table.</summary>
public static class UiRoutes
{
    public const string Login = "/login";
    public const string Logout = "/logout";
    public const string Projects = "/";
    public const string Project = "/projects/{Project}";
    public const string BlazorHub = "/_blazor";
    public const string BlazorNegotiate = "/_blazor/negotiate";
    public const string BlazorDisconnect = "/_blazor/disconnect/";
    public const string BlazorInitializers = "/_blazor/initializers/";
    public const string OpaqueRedirect = "/_framework/opaque-redirect";

    /// <summary>The development fallback of MapStaticAssets: files under wwwroot that the build manifest does not list.</summary>
    public const string StaticFileFallback = "{**path:file}";

    /// <summary>Page routes: an anonymous visitor is sent to the login page instead of getting a 401.</summary>
    public static IReadOnlyList<string> Pages { get; } = [Projects, Project];

    /// <summary>Path prefixes of the static assets (MudBlazor, the Blazor script, our stylesheet): open to anyone.</summary>
    public static IReadOnlyList<string> StaticAssetPrefixes { get; } = ["_content/", "_framework/", "ui/"];

    public static string ProjectPath(string project) => $"/projects/{Uri.EscapeDataString(project)}";

    /// <summary>Only local paths may be returned to after login; anything else goes to the projects page.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : Projects;
}
