using Dray.Core.Model.Warehouses;
using Dray.Core.Versioning;
using Dray.Sources.Oci;

namespace Dray.Sources.Helm;

/// <summary>
/// Discovers the versions of a chart, highest first: from <c>index.yaml</c> for <c>http(s)://</c> repositories, from
/// the tag list for <c>oci://</c> ones (where <c>_</c> in a tag stands for the <c>+</c> of SemVer build metadata).
/// </summary>
public sealed class ChartDiscoverer(HelmIndexClient indexClient, IOciTagLister? ociTags)
{
    public const int DefaultDiscoveryLimit = 20;
    public const int MaxDiscoveryLimit = 100;

    /// <exception cref="HelmException">The subscription is invalid, or the repository or chart cannot be read.</exception>
    public async Task<ChartDiscoveryResult> DiscoverAsync(
        ChartSubscription subscription, HelmCredential? credential, bool insecureSkipTlsVerify, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        MastermindsConstraint? constraint = null;
        if (!string.IsNullOrWhiteSpace(subscription.SemverConstraint)
            && !MastermindsConstraint.TryParse(subscription.SemverConstraint, out constraint, out var error))
        {
            throw new HelmException(HelmErrorKind.InvalidSubscription, error);
        }

        var versions = await ListVersionsAsync(subscription, credential, insecureSkipTlsVerify, ct).ConfigureAwait(false);
        var limit = Math.Clamp(subscription.DiscoveryLimit ?? DefaultDiscoveryLimit, 1, MaxDiscoveryLimit);
        var selected = TagOrdering.SemVer(versions.Distinct(StringComparer.Ordinal), constraint, strictSemvers: false).Take(limit).ToList();

        return new ChartDiscoveryResult
        {
            RepoURL = subscription.RepoURL,
            Name = subscription.Name,
            SemverConstraint = subscription.SemverConstraint,
            Versions = selected,
        };
    }

    private async Task<IReadOnlyList<string>> ListVersionsAsync(
        ChartSubscription subscription, HelmCredential? credential, bool insecureSkipTlsVerify, CancellationToken ct)
    {
        var repoUrl = subscription.RepoURL.Trim();
        if (repoUrl.StartsWith("oci://", StringComparison.OrdinalIgnoreCase))
        {
            if (!string.IsNullOrEmpty(subscription.Name))
            {
                throw new HelmException(HelmErrorKind.InvalidSubscription, $"name must be empty for OCI chart repository {repoUrl}: the URL names the chart");
            }

            if (ociTags is null)
            {
                throw new HelmException(HelmErrorKind.Other, "OCI chart repositories are not available: no OCI tag lister is configured");
            }

            var tags = await ociTags.ListTagsAsync(repoUrl["oci://".Length..].TrimEnd('/'), credential, insecureSkipTlsVerify, ct)
                .ConfigureAwait(false);
            return tags.Select(t => t.Replace('_', '+')).ToList();
        }

        if (string.IsNullOrWhiteSpace(subscription.Name))
        {
            throw new HelmException(HelmErrorKind.InvalidSubscription, $"name is required for HTTP chart repository {repoUrl}");
        }

        if (!Uri.TryCreate(repoUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new HelmException(HelmErrorKind.InvalidSubscription, $"'{repoUrl}' is not an http(s):// or oci:// chart repository URL");
        }

        var index = await indexClient.GetIndexAsync(uri, credential, insecureSkipTlsVerify, ct).ConfigureAwait(false);
        return index.Entries.TryGetValue(subscription.Name, out var versions)
            ? versions.Select(v => v.Version).ToList()
            : throw new HelmException(HelmErrorKind.ChartNotFound, $"chart '{subscription.Name}' not found in repository {repoUrl}");
    }
}
