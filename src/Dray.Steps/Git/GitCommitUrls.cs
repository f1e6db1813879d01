namespace Dray.Steps.Git;

/// <summary>The web page of a commit on the hosting services whose URL layout is known.</summary>
internal static class GitCommitUrls
{
    public static string? For(string repoUrl, string? provider, string commit)
    {
        if (!Uri.TryCreate(repoUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        provider ??= host switch
        {
            "github.com" => "github",
            "bitbucket.org" => "bitbucket",
            "dev.azure.com" => "azure",
            _ when host.EndsWith(".visualstudio.com", StringComparison.Ordinal) => "azure",
            _ when host.Split('.').Contains("gitlab") => "gitlab",
            _ when host.Split('.').Contains("gitea") => "gitea",
            _ => null,
        };
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.Ordinal))
        {
            path = path[..^4];
        }

        var page = new UriBuilder(uri.Scheme, uri.Host, uri.IsDefaultPort ? -1 : uri.Port).Uri.AbsoluteUri.TrimEnd('/') + path;
        return provider switch
        {
            "github" or "gitea" or "azure" => $"{page}/commit/{commit}",
            "gitlab" => $"{page}/-/commit/{commit}",
            "bitbucket" => $"{page}/commits/{commit}",
            _ => null,
        };
    }
}
