using Dray.Core.Model.Freights;

namespace Dray.Server.Ui.Model;

/// <summary>Web links for artifacts: the commit page of an http(s) git repository, an image's source and revision.</summary>
public static class ArtifactLinks
{
    public const string SourceAnnotation = "org.opencontainers.image.source";
    public const string RevisionAnnotation = "org.opencontainers.image.revision";

    /// <summary>The commit's page in the usual forge layout (GitHub, GitLab, Gitea: <c>{repo}/commit/{id}</c>), or null.</summary>
    public static string? Commit(string? repoUrl, string? id)
    {
        if (string.IsNullOrEmpty(id) || WebRepository(repoUrl) is not { } repo)
        {
            return null;
        }

        return $"{repo}/commit/{Uri.EscapeDataString(id)}";
    }

    /// <summary>The repository an image says it was built from, and the commit there, when its annotations tell.</summary>
    public static (string? Source, string? Revision) ImageSource(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var annotations = image.Annotations ?? new Dictionary<string, string>();
        var source = annotations.GetValueOrDefault(SourceAnnotation);
        var sourceLink = WebRepository(source);
        var revision = annotations.GetValueOrDefault(RevisionAnnotation);
        return (sourceLink, sourceLink is null ? null : Commit(source, revision));
    }

    public static string ImageReference(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var reference = image.RepoURL ?? "";
        if (!string.IsNullOrEmpty(image.Tag))
        {
            reference += ":" + image.Tag;
        }

        return string.IsNullOrEmpty(image.Digest) ? reference : reference + "@" + image.Digest;
    }

    private static string? WebRepository(string? repoUrl)
    {
        if (!Uri.TryCreate(repoUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        // Never echo credentials embedded in the repository URL into a link.
        return $"{uri.Scheme}://{uri.Authority}{path}";
    }
}
