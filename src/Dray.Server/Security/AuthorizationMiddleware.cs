using Dray.Server.Api;
using Dray.Server.Ui;
using Microsoft.AspNetCore.Routing;

namespace Dray.Server.Security;

/// <summary>Enforces <see cref="AuthorizationTable"/> for the matched endpoint: 401 for anonymous, 403 for too little.</summary>
public sealed class AuthorizationMiddleware(RequestDelegate next, ILogger<AuthorizationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var pattern = endpoint.RoutePattern.RawText ?? "";
        var requirement = AuthorizationTable.Find(context.Request.Method, pattern);
        if (requirement is null)
        {
            ServerLog.RouteNotInTable(logger, context.Request.Method, pattern);
            await Problems.Forbidden("This route is not open to anyone.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (requirement.Scope is AccessScope.Anonymous or AccessScope.WebhookSignature)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var identity = DrayIdentity.From(context.User);
        if (identity is null && requirement.Scope == AccessScope.UiPage)
        {
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{UiRoutes.Login}?returnUrl={Uri.EscapeDataString(back)}");
            return;
        }

        if (identity is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Unauthorized("Sign in with `dray login` or pass an API token as `Authorization: Bearer <token>`.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var project = requirement.Scope == AccessScope.Project ? context.GetRouteValue("project") as string : null;
        var allowed = requirement.Scope switch
        {
            AccessScope.Project => identity.Allows(requirement.Role, project),
            AccessScope.Cluster => identity.Allows(requirement.Role, null),
            _ => identity.Role >= requirement.Role,
        };
        if (!allowed)
        {
            var needed = project is null ? $"role {requirement.Role.ToName()}" : $"role {requirement.Role.ToName()} in project \"{project}\"";
            ServerLog.AccessDenied(logger, context.Request.Method, context.Request.Path, identity.Subject, needed);
            await Problems.Forbidden($"\"{identity.Subject}\" needs {needed}.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
