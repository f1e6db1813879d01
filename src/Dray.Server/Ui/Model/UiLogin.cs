using Dray.Server.Security;
using Microsoft.Extensions.Options;

namespace Dray.Server.Ui.Model;

/// <summary>
/// Turns what the login form posted into the value of the UI cookie: a new session token for the admin password, or
/// the API token itself once it resolves. The cookie therefore carries exactly what a bearer header would.
/// </summary>
public sealed class UiLogin(AuthStore authStore, TimeProvider timeProvider, IOptions<DrayServerOptions> options, ILogger<UiLogin> logger)
{
    public const string CookieName = "dray_session";

    /// <returns>The token and when the cookie should expire, or null when the secret is wrong.</returns>
    public async Task<(string Token, DateTimeOffset ExpiresAt)?> SignInAsync(LoginFormModel form, string? remoteAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var secret = form.Secret?.Trim();
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var expiresAt = timeProvider.GetUtcNow() + options.Value.SessionLifetime;
        if (form.Mode == LoginMode.ApiToken)
        {
            if (await authStore.ResolveAsync(SecretTokens.HashToken(secret), cancellationToken).ConfigureAwait(false) is null)
            {
                ServerLog.LoginFailed(logger, remoteAddress);
                return null;
            }

            return (secret, expiresAt);
        }

        var stored = await authStore.GetAdminPasswordHashAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null || !PasswordHasher.Verify(secret, stored))
        {
            ServerLog.LoginFailed(logger, remoteAddress);
            return null;
        }

        var token = SecretTokens.NewToken();
        await authStore.AddSessionAsync(SecretTokens.HashToken(token), "admin", expiresAt, cancellationToken).ConfigureAwait(false);
        ServerLog.LoginSucceeded(logger, expiresAt);
        return (token, expiresAt);
    }

    public static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = expiresAt,
            IsEssential = true,
        };
    }
}
