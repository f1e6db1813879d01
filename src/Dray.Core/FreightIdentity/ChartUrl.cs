namespace Dray.Core.FreightIdentity;

/// <summary>
/// Canonical spelling of Helm chart repository URLs: trimmed, lower-cased, without <c>oci://</c>, then normalized
/// like an image repository. Classic <c>https://</c> repositories are not image references and stay as they are.
/// </summary>
public static class ChartUrl
{
    public static string Normalize(string repoUrl)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
        var url = repoUrl.Trim().ToLowerInvariant();
        if (url.StartsWith("oci://", StringComparison.Ordinal))
        {
            url = url["oci://".Length..];
        }

        return ImageUrl.Normalize(url);
    }
}
