using System.Globalization;
using System.Text.RegularExpressions;

namespace Dray.Sources.Git;

/// <summary>Turns git's stderr into an error a human understands, with every credential scrubbed.</summary>
internal static partial class GitErrors
{
    private static readonly string[] AuthMarkers =
    [
        "Authentication failed", "could not read Username", "could not read Password", "HTTP Basic: Access denied",
        "returned error: 401", "returned error: 403", "terminal prompts disabled", "Permission denied",
    ];

    private static readonly string[] NotFoundMarkers =
    [
        "not found", "returned error: 404", "does not appear to be a git repository", "does not exist",
    ];

    private static readonly string[] ConnectMarkers =
    [
        "Could not resolve host", "Failed to connect", "Couldn't connect", "Connection refused", "Connection timed out",
        "Could not connect", "unable to access", "Operation timed out",
    ];

    // libcurl's wording with OpenSSL and with GnuTLS (Debian's git uses the latter).
    private static readonly string[] CertificateMarkers =
    [
        "SSL certificate problem", "certificate verification failed", "self-signed certificate", "self signed certificate",
        "unable to get local issuer certificate", "certificate has expired", "no alternative certificate subject name",
    ];

    public static GitException FromFailure(GitCommand command, string remote, int exitCode, string stderr)
    {
        var detail = command.Scrub(stderr).Trim();
        var verb = command.Arguments.FirstOrDefault(a => !a.StartsWith('-')) ?? "git";
        var safeRemote = command.Scrub(WithoutUserInfo(remote));
        var (kind, summary) = Classify(detail, safeRemote, hasCredential: command.Secrets.Count > 0);
        return new GitException(kind, summary ?? $"git {verb} failed (exit code {exitCode}): {detail}");
    }

    /// <summary>A URL may carry <c>user:password@</c> even though Dray never puts it there; it must not reach an error.</summary>
    internal static string WithoutUserInfo(string remote) =>
        Uri.TryCreate(remote, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri
            : remote;

    // git's stderr is not repeated for the cases below: the summary says all a reader can act on, and curl's wording
    // ("could not read Username ... terminal prompts disabled" for a refused password) misleads more than it helps.
    private static (GitErrorKind Kind, string? Summary) Classify(string stderr, string remote, bool hasCredential)
    {
        if (stderr.Contains("returned error: 403", StringComparison.Ordinal))
        {
            return (GitErrorKind.AuthenticationFailed, $"authentication failed for {remote}: the server denied access (HTTP 403 Forbidden)");
        }

        if (AuthMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return (GitErrorKind.AuthenticationFailed, hasCredential
                ? $"authentication failed for {remote}: the server rejected the credentials"
                : $"authentication failed for {remote}: the server requires credentials and none were given");
        }

        if (stderr.Contains("repository", StringComparison.OrdinalIgnoreCase)
            && NotFoundMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return (GitErrorKind.RepositoryNotFound, $"repository not found: {remote}");
        }

        if (ServerErrorPattern().Match(stderr) is { Success: true } server)
        {
            var status = int.Parse(server.Groups["status"].ValueSpan, CultureInfo.InvariantCulture);
            return (GitErrorKind.ServerError, $"the git server answered {HttpStatusText.Describe(status)} for {remote}: {HttpStatusText.ServerSide(status)}");
        }

        if (CertificateMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            var reason = UnableToAccessPattern().Match(stderr) is { Success: true } access
                ? CaFilePattern().Replace(access.Groups["reason"].Value.Trim(), "").TrimEnd('.', ' ')
                : null;
            return (GitErrorKind.UntrustedCertificate, reason is { Length: > 0 }
                ? $"the TLS certificate of {remote} is not trusted ({reason}): {UntrustedCertificate.Remedy}"
                : $"the TLS certificate of {remote} is not trusted: {UntrustedCertificate.Remedy}");
        }

        if (ConnectMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            var reason = UnableToAccessPattern().Match(stderr) is { Success: true } access
                ? ElapsedPattern().Replace(access.Groups["reason"].Value.Trim(), "")
                : null;
            return (GitErrorKind.ConnectionFailed, reason is { Length: > 0 }
                ? $"could not connect to {remote}: the server is unreachable ({reason})"
                : $"could not connect to {remote}: the server is unreachable");
        }

        return (GitErrorKind.Other, null);
    }

    [GeneratedRegex(@"returned error: (?<status>5\d\d)\b")]
    private static partial Regex ServerErrorPattern();

    [GeneratedRegex(@"unable to access '[^']*': (?<reason>[^\n]+)")]
    private static partial Regex UnableToAccessPattern();

    // GnuTLS appends the CA bundle it tried, a host detail that does not help the reader.
    [GeneratedRegex(@"\.?\s*CAfile: .*$")]
    private static partial Regex CaFilePattern();

    // curl names the milliseconds a connect took; they would make every retry's message differ.
    [GeneratedRegex(@" after \d+ ms")]
    private static partial Regex ElapsedPattern();
}
