using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dray.Sources.Oci;

/// <summary>A repository in a registry, parsed from a subscription's <c>repoURL</c> (no tag, no digest).</summary>
public sealed partial record ImageReference
{
    public const string DockerHubRegistry = "docker.io";
    private const string DockerHubApiHost = "registry-1.docker.io";

    private ImageReference(string registry, string repository, bool plainHttp)
    {
        Registry = registry;
        Repository = repository;
        PlainHttp = plainHttp;
    }

    /// <summary>Registry host (and port) as users name it; Docker Hub is always <c>docker.io</c>.</summary>
    public string Registry { get; }

    /// <summary>Repository path inside the registry, e.g. <c>library/nginx</c>.</summary>
    public string Repository { get; }

    /// <summary>Whether the registry is spoken to over plain HTTP (loopback hosts or an explicit opt-in).</summary>
    public bool PlainHttp { get; }

    /// <summary>The host that serves the distribution API.</summary>
    public string ApiHost => Registry == DockerHubRegistry ? DockerHubApiHost : Registry;

    public Uri BaseUri => new($"{(PlainHttp ? "http" : "https")}://{ApiHost}/", UriKind.Absolute);

    public override string ToString() => $"{Registry}/{Repository}";

    public static ImageReference Parse(string repoUrl, bool allowPlainHttp = false)
    {
        if (TryParse(repoUrl, allowPlainHttp, out var reference, out var error))
        {
            return reference;
        }

        throw new FormatException(error);
    }

    public static bool TryParse(
        string? repoUrl,
        bool allowPlainHttp,
        [NotNullWhen(true)] out ImageReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        reference = null;
        var text = repoUrl?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "image repoURL is empty";
            return false;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            error = $"image repoURL '{text}' must not have a scheme; write it as host[:port]/path";
            return false;
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            error = $"image repoURL '{text}' must not contain a digest";
            return false;
        }

        string registry;
        string path;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? text : text[..slash];
        if (slash > 0 && LooksLikeHost(first))
        {
            registry = first.ToLowerInvariant();
            path = text[(slash + 1)..];
        }
        else
        {
            registry = DockerHubRegistry;
            path = text;
        }

        if (path.Contains(':', StringComparison.Ordinal))
        {
            error = $"image repoURL '{text}' must not contain a tag";
            return false;
        }

        if (registry is "index.docker.io" or DockerHubApiHost)
        {
            registry = DockerHubRegistry;
        }

        if (registry == DockerHubRegistry && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        if (!RepositoryPattern().IsMatch(path))
        {
            error = $"image repoURL '{text}' has an invalid repository name '{path}' (lower-case letters, digits and separators only)";
            return false;
        }

        if (!RegistryPattern().IsMatch(registry))
        {
            error = $"image repoURL '{text}' has an invalid registry host '{registry}'";
            return false;
        }

        reference = new ImageReference(registry, path, allowPlainHttp || IsLoopback(registry));
        error = null;
        return true;
    }

    private static bool LooksLikeHost(string component) =>
        component.Contains('.', StringComparison.Ordinal)
        || component.Contains(':', StringComparison.Ordinal)
        || component.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || component.StartsWith('[');

    private static bool IsLoopback(string registry)
    {
        var host = registry;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? host[1..close] : host;
        }
        else
        {
            var colon = host.LastIndexOf(':');
            if (colon > 0 && int.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                host = host[..colon];
            }
        }

        return host is "localhost" or "127.0.0.1" or "::1";
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^(?:\[[0-9a-f:]+\]|[a-z0-9]+(?:[.-][a-z0-9]+)*)(?::[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryPattern();
}
