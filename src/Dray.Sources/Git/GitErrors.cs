namespace Dray.Sources.Git;

/// <summary>Turns git's stderr into an error a human understands, with every credential scrubbed.</summary>
internal static class GitErrors
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

    public static GitException FromFailure(GitCommand command, string remote, int exitCode, string stderr)
    {
        var detail = command.Scrub(stderr).Trim();
        var verb = command.Arguments.FirstOrDefault(a => !a.StartsWith('-')) ?? "git";
        var safeRemote = command.Scrub(WithoutUserInfo(remote));
        var (kind, summary) = Classify(detail, safeRemote);
        var message = summary is null
            ? $"git {verb} failed (exit code {exitCode}): {detail}"
            : $"{summary} (git {verb}: {detail})";
        return new GitException(kind, message);
    }

    /// <summary>A URL may carry <c>user:password@</c> even though Dray never puts it there; it must not reach an error.</summary>
    internal static string WithoutUserInfo(string remote) =>
        Uri.TryCreate(remote, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri
            : remote;

    private static (GitErrorKind Kind, string? Summary) Classify(string stderr, string remote)
    {
        if (AuthMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return (GitErrorKind.AuthenticationFailed, $"authentication failed for {remote}");
        }

        if (stderr.Contains("repository", StringComparison.OrdinalIgnoreCase)
            && NotFoundMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return (GitErrorKind.RepositoryNotFound, $"repository not found: {remote}");
        }

        if (ConnectMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return (GitErrorKind.ConnectionFailed, $"could not connect to {remote}");
        }

        return (GitErrorKind.Other, null);
    }
}
