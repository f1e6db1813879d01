namespace Dray.Core.Expressions.Kargo;

/// <summary>
/// Normalises Git URLs for comparison as Kargo does: lower case, no trailing "/" or ".git", no user info on
/// HTTP(S) URLs, and SCP-style "user@host:path" rewritten as "ssh://user@host/path".
/// </summary>
internal static class GitUrls
{
    public static string Normalize(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0 || trimmed.Any(char.IsWhiteSpace) || trimmed.Contains('?', StringComparison.Ordinal))
        {
            return url;
        }

        if (trimmed.StartsWith("http://", StringComparison.Ordinal) || trimmed.StartsWith("https://", StringComparison.Ordinal) ||
            trimmed.StartsWith("ssh://", StringComparison.Ordinal))
        {
            var schemeEnd = trimmed.IndexOf("://", StringComparison.Ordinal) + 3;
            var scheme = trimmed[..schemeEnd];
            var rest = trimmed[schemeEnd..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash < 0 ? rest : rest[..slash];
            var path = slash < 0 ? "" : rest[slash..];
            var at = authority.LastIndexOf('@');
            if (at >= 0 && scheme != "ssh://")
            {
                authority = authority[(at + 1)..];
            }

            return (scheme + authority + TrimPath(path)).ToLowerInvariant();
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var userHost = colon < 0 ? trimmed : trimmed[..colon];
        if (userHost.Length == 0 || userHost.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '@')))
        {
            return url;
        }

        var scpPath = colon < 0 ? "" : TrimPath(trimmed[(colon + 1)..]);
        return (scpPath.Length == 0 ? $"ssh://{userHost}" : $"ssh://{userHost}/{scpPath.TrimStart('/')}").ToLowerInvariant();
    }

    private static string TrimPath(string path)
    {
        if (path.EndsWith('/'))
        {
            path = path[..^1];
        }

        return path.EndsWith(".git", StringComparison.Ordinal) ? path[..^4] : path;
    }
}
