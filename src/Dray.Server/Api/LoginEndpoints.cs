using Dray.Server.Api.Contracts;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dray.Server.Api;

public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Login, LoginAsync);
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        HttpContext context,
        AuthStore authStore,
        TimeProvider timeProvider,
        IOptions<DrayServerOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(LoginEndpoints));
        var stored = await authStore.GetAdminPasswordHashAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.Password) || stored is null || !PasswordHasher.Verify(request.Password, stored))
        {
            ServerLog.LoginFailed(logger, context.Connection.RemoteIpAddress?.ToString());
            return Problems.Unauthorized("Wrong password.");
        }

        var token = SecretTokens.NewToken();
        var expiresAt = timeProvider.GetUtcNow() + options.Value.SessionLifetime;
        await authStore.AddSessionAsync(SecretTokens.HashToken(token), "admin", expiresAt, cancellationToken).ConfigureAwait(false);
        ServerLog.LoginSucceeded(logger, expiresAt);
        return TypedResults.Ok(new LoginResponse(token, expiresAt));
    }
}
