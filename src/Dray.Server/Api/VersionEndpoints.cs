using System.Reflection;
using Dray.Server.Api.Contracts;
using Dray.Server.Security;

namespace Dray.Server.Api;

public static class VersionEndpoints
{
    public static IEndpointRouteBuilder MapVersionEndpoints(this IEndpointRouteBuilder app)
    {
        var informational = typeof(VersionEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var response = plus < 0
            ? new VersionResponse(informational, "")
            : new VersionResponse(informational[..plus], informational[(plus + 1)..]);
        app.MapGet(ApiRoutes.Version, () => TypedResults.Ok(response));
        return app;
    }
}
