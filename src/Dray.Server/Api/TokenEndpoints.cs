using System.Text.RegularExpressions;
using Dray.Server.Api.Contracts;
using Dray.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

public static partial class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Tokens, ListAsync);
        app.MapPost(ApiRoutes.Tokens, CreateAsync);
        app.MapDelete(ApiRoutes.Token, DeleteAsync);
        return app;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    private static async Task<Ok<IReadOnlyList<TokenResponse>>> ListAsync(AuthStore authStore, CancellationToken cancellationToken)
    {
        var tokens = await authStore.ListTokensAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<TokenResponse>>(tokens.Select(t => new TokenResponse(t.Name, t.Role.ToName(), t.Project, t.CreatedAt)).ToList());
    }

    private static async Task<Results<Created<CreatedTokenResponse>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request,
        AuthStore authStore,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (request.Name is null || !DnsLabel().IsMatch(request.Name))
        {
            return Problems.BadRequest("name must be a DNS label: lower-case letters, digits and '-', at most 63 characters.");
        }

        if (!RoleNames.TryParse(request.Role, out var role))
        {
            return Problems.BadRequest($"role must be one of {RoleNames.Admin}, {RoleNames.ProjectAdmin}, {RoleNames.Promoter}, {RoleNames.Viewer}.");
        }

        if (request.Project is not null && !DnsLabel().IsMatch(request.Project))
        {
            return Problems.BadRequest("project must be a DNS label.");
        }

        if (role == Role.Admin && request.Project is not null)
        {
            return Problems.BadRequest("an admin token cannot be bound to a project; use project-admin.");
        }

        var token = SecretTokens.NewToken();
        var info = new ApiTokenInfo(request.Name, role.Value, request.Project, timeProvider.GetUtcNow());
        if (!await authStore.TryAddTokenAsync(info, SecretTokens.HashToken(token), cancellationToken).ConfigureAwait(false))
        {
            return Problems.Conflict($"A token named \"{request.Name}\" exists; revoke it first.");
        }

        ServerLog.TokenCreated(loggers.CreateLogger(typeof(TokenEndpoints)), info.Name, role.Value.ToName(), info.Project);
        return TypedResults.Created($"{ApiRoutes.Tokens}/{info.Name}", new CreatedTokenResponse(info.Name, role.Value.ToName(), info.Project, token));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, AuthStore authStore, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!await authStore.DeleteTokenAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return Problems.NotFound($"No token named \"{name}\".");
        }

        ServerLog.TokenRevoked(loggers.CreateLogger(typeof(TokenEndpoints)), name);
        return TypedResults.NoContent();
    }
}
