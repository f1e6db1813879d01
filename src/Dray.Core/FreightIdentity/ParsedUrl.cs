namespace Dray.Core.FreightIdentity;

/// <summary>A <c>scheme://[userinfo@]host[:port][/path][?query][#fragment]</c> URL, validated the way Go's parser does.</summary>
internal sealed record ParsedUrl(string Scheme, string? UserInfo, string Host, string RawPath, string DecodedPath, string RawQuery, string? Fragment)
{
    private const string HostPunctuation = "-._~!$&'()*+,;=%";
    private const string UserInfoPunctuation = "-._:~!$&'()*+,;=%@";

    /// <summary>Go's <c>len(u.Query()) &gt; 0</c>: some non-empty, <c>;</c>-free key/value pair.</summary>
    public bool HasQueryParameters =>
        RawQuery.Split('&').Any(p => p.Length > 0 && !p.Contains(';', StringComparison.Ordinal));

    public static ParsedUrl? Parse(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var scheme = url[..schemeEnd];
        var rest = url[(schemeEnd + 3)..];
        string? fragment = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        var query = "";
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var rawPath = slash < 0 ? "" : rest[slash..];

        string? userInfo = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = authority[..at];
            authority = authority[(at + 1)..];
            if (!userInfo.All(c => char.IsAsciiLetterOrDigit(c) || UserInfoPunctuation.Contains(c, StringComparison.Ordinal)))
            {
                return null;
            }
        }

        if (!IsValidHost(authority) || GoUrlPath.Unescape(rawPath) is not { } decoded)
        {
            return null;
        }

        return new ParsedUrl(scheme, userInfo, authority, rawPath, decoded, query, fragment);
    }

    private static bool IsValidHost(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            return close > 0 && IsValidPort(host[(close + 1)..]);
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0 && !IsValidPort(host[colon..]))
        {
            return false;
        }

        var name = colon >= 0 ? host[..colon] : host;
        return name.All(c => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || HostPunctuation.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>Empty, or a colon followed by digits only.</summary>
    private static bool IsValidPort(string port) =>
        port.Length == 0 || (port[0] == ':' && port.Skip(1).All(char.IsAsciiDigit));
}
