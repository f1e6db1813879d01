using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Oci;

namespace Dray.Sources.Discovery;

/// <summary>Lets the Warehouse reconciler use <see cref="ImageDiscoverer"/> for image subscriptions, under the server's <see cref="CacheByTagPolicy"/>.</summary>
public sealed class OciImageArtifactDiscoverer(ImageDiscoverer discoverer, CacheByTagPolicy policy = CacheByTagPolicy.Allow)
    : IArtifactDiscoverer<ImageSubscription, ImageDiscoveryResult>
{
    public const string RequiredMessage =
        "this server requires cacheByTag: true on image subscriptions (set it only if the repository's tags are never moved to another image)";

    public Task<ImageDiscoveryResult> DiscoverAsync(ImageSubscription subscription, DiscoveryContext<ImageDiscoveryResult> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Registries know only username/password (tokens go in the password); other credential kinds do not apply.
        var credential = context.Credentials is { Username: { Length: > 0 } username }
            ? new RegistryCredential(username, context.Credentials.Password ?? "")
            : null;
        var request = ImageDiscoveryRequest.FromSubscription(subscription) with { PreviousTags = context.Previous?.References?.Select(r => r.Tag).ToList() ?? [] };
        if (request.Strategy != ImageSelectionStrategy.Digest)
        {
            if (policy == CacheByTagPolicy.Require && !request.CacheByTag)
            {
                return Task.FromException<ImageDiscoveryResult>(new FormatException(RequiredMessage));
            }

            request = policy switch
            {
                CacheByTagPolicy.Forbid => request with { CacheByTag = false },
                CacheByTagPolicy.Force => request with { CacheByTag = true },
                _ => request,
            };
        }

        return discoverer.DiscoverAsync(request, credential, context.SubscriptionName, cancellationToken);
    }
}
