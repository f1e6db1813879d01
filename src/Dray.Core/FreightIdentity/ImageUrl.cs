namespace Dray.Core.FreightIdentity;

/// <summary>
/// Canonical spelling of container image repositories, as Kargo computes it for matching: Docker Hub hosts and the
/// <c>library/</c> prefix are dropped, other registries keep <c>registry/repository</c>, tags and digests are removed.
/// Input that is not an image reference is returned sanitized but otherwise unchanged.
/// </summary>
/// <remarks>Freight IDs hash image repository URLs verbatim; this is for comparing URLs, not for IDs.</remarks>
public static class ImageUrl
{
    private const string DockerHub = "index.docker.io";
    private const string DockerHubAlias = "docker.io";
    private const string DockerHubRegistry1 = "registry-1.docker.io";
    private const string RepositoryChars = "abcdefghijklmnopqrstuvwxyz0123456789_-./";
    private const string DigestChars = "sh:0123456789abcdef";

    public static string Normalize(string repoUrl)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
        var sanitized = UrlSanitizer.RemoveAllSpaces(repoUrl);
        if (ParseReference(sanitized) is not { } parsed)
        {
            return sanitized;
        }

        var (registry, repository) = parsed;
        return registry is DockerHub or DockerHubRegistry1
            ? (repository.StartsWith("library/", StringComparison.Ordinal) ? repository["library/".Length..] : repository)
            : $"{registry}/{repository}";
    }

    private static (string Registry, string Repository)? ParseReference(string reference)
    {
        if (reference.StartsWith("http://", StringComparison.Ordinal) || reference.StartsWith("https://", StringComparison.Ordinal))
        {
            return null;
        }

        return ParseTagged(reference) ?? ParseDigested(reference);
    }

    private static (string, string)? ParseTagged(string reference)
    {
        var name = reference;
        var colon = reference.LastIndexOf(':');
        if (colon >= 0 && !reference[(colon + 1)..].Contains('/', StringComparison.Ordinal))
        {
            var tag = reference[(colon + 1)..];
            name = reference[..colon];
            if (tag.Length > 0 && !IsValidTag(tag))
            {
                return null;
            }
        }

        return ParseRepository(name);
    }

    private static (string, string)? ParseDigested(string reference)
    {
        var parts = reference.Split('@');
        if (parts.Length != 2 || parts[1].Length != 71 || !parts[1].All(c => DigestChars.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return ParseTagged(parts[0]) ?? ParseRepository(parts[0]);
    }

    private static (string, string)? ParseRepository(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var registry = "";
        var repository = name;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && name[..slash].IndexOfAny(['.', ':']) >= 0)
        {
            registry = name[..slash];
            repository = name[(slash + 1)..];
        }

        if (!IsValidRepository(repository) || !IsValidRegistry(registry))
        {
            return null;
        }

        registry = registry is "" or DockerHubAlias ? DockerHub : registry;
        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        return (registry, repository);
    }

    private static bool IsValidTag(string tag) =>
        tag.Length <= 127 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static bool IsValidRepository(string repository) =>
        repository.Length is >= 2 and <= 255 && repository.All(c => RepositoryChars.Contains(c, StringComparison.Ordinal));

    /// <summary>A registry must be a bare URI authority: host and optional numeric port, nothing else.</summary>
    private static bool IsValidRegistry(string registry) =>
        registry.Length == 0 || (ParsedUrl.Parse("x://" + registry) is { UserInfo: null, RawPath: "", RawQuery: "", Fragment: null } parsed
            && parsed.Host == registry);
}
