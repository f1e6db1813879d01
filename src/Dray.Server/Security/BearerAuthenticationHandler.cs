using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Dray.Server.Ui.Model;
using Microsoft.Extensions.Options;

namespace Dray.Server.Security;

/// <summary>
/// Resolves <c>Authorization: Bearer &lt;token&gt;</c> to a <see cref="DrayIdentity"/> through the <see cref="AuthStore"/>.
/// Outside <c>/api</c> the UI cookie may carry the token instead; the API never accepts the cookie, so a browser
/// session cannot be ridden into API calls.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthStore authStore)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        string token;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (!Request.Path.StartsWithSegments("/api") && Request.Cookies.TryGetValue(UiLogin.CookieName, out var cookie))
        {
            token = cookie.Trim();
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length == 0)
        {
            return AuthenticateResult.Fail("empty bearer token");
        }

        var identity = await authStore.ResolveAsync(SecretTokens.HashToken(token), Context.RequestAborted).ConfigureAwait(false);
        return identity is null
            ? AuthenticateResult.Fail("unknown or expired token")
            : AuthenticateResult.Success(new AuthenticationTicket(identity.ToPrincipal(SchemeName), SchemeName));
    }
}
