using System.Text.RegularExpressions;

namespace Dray.Core.FreightIdentity;

/// <summary>
/// Canonical spelling of Git repository URLs, as Kargo computes it for Freight IDs and URL matching: lower-cased,
/// without credentials, trailing slash or <c>.git</c>; SCP-style <c>[user@]host:path</c> becomes <c>ssh://</c>.
/// Anything that does not parse is returned as given (after removing unprintable characters).
/// </summary>
public static partial class GitUrl
{
    public static string Normalize(string repoUrl)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
        var original = UrlSanitizer.RemoveNonPrintable(repoUrl);
        var url = original.ToLowerInvariant();

        if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
        {
            return NormalizeHierarchical(url, keepUserInfo: false) ?? original;
        }

        if (url.StartsWith("ssh://", StringComparison.Ordinal))
        {
            return NormalizeHierarchical(url, keepUserInfo: true) ?? original;
        }

        return NormalizeScp(url) ?? original;
    }

    private static string? NormalizeHierarchical(string url, bool keepUserInfo)
    {
        var parsed = ParsedUrl.Parse(url);
        if (parsed is null || parsed.HasQueryParameters)
        {
            return null;
        }

        var path = TrimRepoSuffixes(parsed.DecodedPath);
        var userInfo = keepUserInfo && parsed.UserInfo is not null ? parsed.UserInfo + "@" : "";
        return $"{parsed.Scheme}://{userInfo}{parsed.Host}{GoUrlPath.Print(parsed.RawPath, parsed.DecodedPath, path)}"
            + (parsed.RawQuery.Length > 0 ? "?" + parsed.RawQuery : "")
            + (parsed.Fragment is null ? "" : "#" + parsed.Fragment);
    }

    private static string? NormalizeScp(string url)
    {
        var match = ScpPattern().Match(url);
        if (!match.Success)
        {
            return null;
        }

        var userHost = match.Groups[1].Value;
        var rest = match.Groups[2].Value;
        var fragmentAt = rest.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt < 0 ? null : rest[(fragmentAt + 1)..];
        rest = fragmentAt < 0 ? rest : rest[..fragmentAt];
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? "" : rest[(queryAt + 1)..];
        var rawPath = queryAt < 0 ? rest : rest[..queryAt];

        // Go refuses a relative path whose first segment holds a colon (it would read as a scheme).
        if (rawPath.Split('/')[0].Contains(':', StringComparison.Ordinal) || GoUrlPath.Unescape(rawPath) is not { } decoded)
        {
            return null;
        }

        var path = TrimRepoSuffixes(decoded);
        if (path.Length == 0)
        {
            return $"ssh://{userHost}";
        }

        return $"ssh://{userHost}/{GoUrlPath.Print(rawPath, decoded, path)}"
            + (query.Length > 0 ? "?" + query : "")
            + (fragment is null ? "" : "#" + fragment);
    }

    private static string TrimRepoSuffixes(string path)
    {
        if (path.EndsWith('/'))
        {
            path = path[..^1];
        }

        return path.EndsWith(".git", StringComparison.Ordinal) ? path[..^4] : path;
    }

    [GeneratedRegex(@"^((?:[0-9a-z_-]+@)?[0-9a-z_-]+(?:\.[0-9a-z_-]+)*)(?::(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ScpPattern();
}
