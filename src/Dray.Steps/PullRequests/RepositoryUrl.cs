namespace Dray.Steps.PullRequests;

/// <summary>
/// A repository URL split into scheme, host and path segments. Accepts https/http URLs, <c>ssh://</c> URLs and the
/// scp-like <c>git@host:owner/repo.git</c> form; user info is dropped so credentials never travel further.
/// </summary>
public sealed record RepositoryUrl(string Scheme, string Host, int? Port, IReadOnlyList<string> Segments)
{
    public static RepositoryUrl Parse(string repoUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoUrl);
        var text = repoUrl.Trim();
        if (!text.Contains("://", StringComparison.Ordinal) && text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            var hostPart = text[..colon];
            var at = hostPart.LastIndexOf('@');
            text = $"ssh://{hostPart[(at + 1)..]}/{text[(colon + 1)..].TrimStart('/')}";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"\"{Redact(repoUrl)}\" is not a repository URL.", nameof(repoUrl));
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            throw new ArgumentException($"\"{Redact(repoUrl)}\" does not name an owner and a repository.", nameof(repoUrl));
        }

        var scheme = uri.Scheme is "http" or "https" ? uri.Scheme : "https";
        int? port = uri.Scheme is "http" or "https" && !uri.IsDefaultPort ? uri.Port : null;
        return new RepositoryUrl(scheme, uri.Host.ToLowerInvariant(), port, segments);
    }

    /// <summary>The web origin, e.g. <c>https://gitlab.example.com:8443</c>.</summary>
    public string Origin => Port is { } p ? $"{Scheme}://{Host}:{p}" : $"{Scheme}://{Host}";

    public string Owner => Segments[0];

    public string Name => Segments[^1];

    /// <summary>The full path (GitLab groups nest), e.g. <c>group/sub/repo</c>.</summary>
    public string FullPath => string.Join('/', Segments);

    private static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.IndexOf('@', StringComparison.Ordinal);
        return scheme >= 0 && at > scheme ? url[..(scheme + 3)] + "***" + url[at..] : url;
    }
}
