using System.Globalization;

namespace Dray.Sources.Oci;

/// <summary>Works out the next tag list page from a <c>Link</c> header, or from <c>last=</c> when a full page has none.</summary>
internal static class TagPaging
{
    public static Uri? NextPage(string? linkHeader, Uri current, IReadOnlyList<string> page, int pageSize, ImageReference image)
    {
        if (NextLink(linkHeader) is { } link)
        {
            return new Uri(current, link);
        }

        // Fewer than n means the end; more than n means the registry ignores n (distribution 2.x
        // returns every tag at once). Only a page of exactly n without a link may have more behind it.
        if (page.Count != pageSize)
        {
            return null;
        }

        var query = $"n={pageSize.ToString(CultureInfo.InvariantCulture)}&last={Uri.EscapeDataString(page[^1])}";
        return new Uri(image.BaseUri, $"v2/{image.Repository}/tags/list?{query}");
    }

    /// <summary>The target of the <c>rel="next"</c> link in an RFC 8288 <c>Link</c> header value.</summary>
    public static string? NextLink(string? linkHeader)
    {
        if (string.IsNullOrWhiteSpace(linkHeader))
        {
            return null;
        }

        var position = 0;
        while (position < linkHeader.Length)
        {
            var open = linkHeader.IndexOf('<', position);
            if (open < 0)
            {
                return null;
            }

            var close = linkHeader.IndexOf('>', open);
            if (close < 0)
            {
                return null;
            }

            var target = linkHeader[(open + 1)..close];
            var nextOpen = linkHeader.IndexOf('<', close);
            var parameters = nextOpen < 0 ? linkHeader[close..] : linkHeader[close..nextOpen];
            if (HasNextRelation(parameters))
            {
                return target;
            }

            position = close + 1;
        }

        return null;
    }

    private static bool HasNextRelation(string parameters)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                var relations = part[(eq + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (relations.Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
