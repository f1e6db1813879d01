using Dray.Server.Api.Contracts;
using Dray.Server.Hosting;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Healthz, () => TypedResults.Ok(new HealthResponse("ok")));
        app.MapGet(ApiRoutes.Readyz, Results<Ok<HealthResponse>, ProblemHttpResult> (ReadinessState readiness) =>
            readiness.IsReady
                ? TypedResults.Ok(new HealthResponse("ready"))
                : Problems.Status(StatusCodes.Status503ServiceUnavailable, "The store is not open yet."));
        return app;
    }
}
