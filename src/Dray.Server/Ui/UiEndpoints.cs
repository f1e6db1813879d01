using Dray.Server.Security;
using Dray.Server.Ui.Model;
using Microsoft.AspNetCore.Antiforgery;
using MudBlazor.Services;

namespace Dray.Server.Ui;

/// <summary>The web UI: Blazor pages (interactive server rendering), their static assets and sign-out.</summary>
public static class UiEndpoints
{
    public static IServiceCollection AddDrayUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddSingleton<ProjectReader>();
        services.AddScoped<UiLogin>();
        services.AddTransient<ProjectChangeFeed>();
        services.AddSingleton<DetailReader>();
        services.AddScoped<UiActionRunner>();
        return services;
    }

    public static IEndpointRouteBuilder MapDrayUi(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost(UiRoutes.Logout, LogoutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, AuthStore authStore, CancellationToken cancellationToken)
    {
        if (context.Request.Cookies.TryGetValue(UiLogin.CookieName, out var token) && token.Length > 0)
        {
            // An API token in the cookie stays valid: signing out of the browser must not revoke it for the CLI.
            await authStore.DeleteSessionAsync(SecretTokens.HashToken(token), cancellationToken).ConfigureAwait(false);
        }

        context.Response.Cookies.Delete(UiLogin.CookieName, UiLogin.CookieOptions(context, null));
        return Results.Redirect(UiRoutes.Login);
    }
}
