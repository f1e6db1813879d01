using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Oci;

namespace Dray.Sources.Discovery;

/// <summary>Lets the Warehouse reconciler use <see cref="ImageDiscoverer"/> for image subscriptions.</summary>
public sealed class OciImageArtifactDiscoverer(ImageDiscoverer discoverer) : IArtifactDiscoverer<ImageSubscription, ImageDiscoveryResult>
{
    public Task<ImageDiscoveryResult> DiscoverAsync(
        ImageSubscription subscription,
        string? subscriptionName,
        RepositoryCredentials? credentials,
        ImageDiscoveryResult? previous,
        CancellationToken cancellationToken)
    {
        // Registries know only username/password (tokens go in the password); other credential kinds do not apply.
        var credential = credentials is { Username: { Length: > 0 } username }
            ? new RegistryCredential(username, credentials.Password ?? "")
            : null;
        var request = ImageDiscoveryRequest.FromSubscription(subscription) with { PreviousTags = previous?.References?.Select(r => r.Tag).ToList() ?? [] };
        return discoverer.DiscoverAsync(request, credential, subscriptionName, cancellationToken);
    }
}
