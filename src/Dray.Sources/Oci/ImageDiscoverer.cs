using Dray.Core.Model.Warehouses;

namespace Dray.Sources.Oci;

/// <summary>
/// Discovers the selectable images of one subscription. Tag-ordered strategies (SemVer, Lexical) fetch
/// metadata only for the references they keep; NewestBuild must look at every tag and leans on the cache.
/// </summary>
public sealed class ImageDiscoverer
{
    private readonly OciRegistryClient _client;
    private readonly ImageResolver _resolver;

    public ImageDiscoverer(OciRegistryClient client, IImageMetadataCache cache)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cache);
        _client = client;
        _resolver = new ImageResolver(client, cache);
    }

    /// <summary>Discovers a Warehouse image subscription; <paramref name="subscriptionName"/> is recorded on the result.</summary>
    public Task<ImageDiscoveryResult> DiscoverAsync(
        ImageSubscription subscription,
        string? subscriptionName,
        RegistryCredential? credential,
        CancellationToken cancellationToken) =>
        DiscoverAsync(ImageDiscoveryRequest.FromSubscription(subscription), credential, subscriptionName, cancellationToken);

    public Task<ImageDiscoveryResult> DiscoverAsync(ImageDiscoveryRequest request, RegistryCredential? credential, CancellationToken cancellationToken) =>
        DiscoverAsync(request, credential, subscriptionName: null, cancellationToken);

    /// <exception cref="FormatException">The subscription is invalid (terminal).</exception>
    /// <exception cref="RegistryException">The registry failed or refused; see <see cref="RegistryException.IsTransient"/>.</exception>
    public async Task<ImageDiscoveryResult> DiscoverAsync(
        ImageDiscoveryRequest request,
        RegistryCredential? credential,
        string? subscriptionName,
        CancellationToken cancellationToken)
    {
        var plan = ImageDiscoveryPlan.Create(request);
        var connection = new RegistryConnection(plan.Image, credential, request.InsecureSkipTlsVerify);
        IReadOnlyList<DiscoveredImageReference> references;
        if (plan.Strategy == ImageSelectionStrategy.Digest)
        {
            var single = await _resolver.ResolveTagAsync(connection, plan.DigestTag!, plan.Platform, cacheByTag: false, cancellationToken).ConfigureAwait(false);
            references = single is null ? [] : [single];
        }
        else
        {
            var tags = (await _client.ListTagsAsync(connection, cancellationToken).ConfigureAwait(false)).Where(plan.Filter.Matches).ToList();
            references = plan.Strategy switch
            {
                // Only the best `Limit` versions are ordered; the full order is needed only when the platform
                // filter turns some of them away.
                ImageSelectionStrategy.SemVer => await TakeInOrderAsync(
                    connection,
                    plan,
                    TagOrdering.SemVerTop(tags, plan.Constraint, request.StrictSemvers, plan.Limit),
                    () => TagOrdering.SemVer(tags, plan.Constraint, request.StrictSemvers),
                    request.CacheByTag,
                    cancellationToken).ConfigureAwait(false),
                ImageSelectionStrategy.Lexical => await TakeInOrderAsync(connection, plan, TagOrdering.Lexical(tags), null, request.CacheByTag, cancellationToken).ConfigureAwait(false),
                _ => await NewestBuildAsync(connection, plan, tags.ToList(), request.CacheByTag, cancellationToken).ConfigureAwait(false),
            };
        }

        return new ImageDiscoveryResult
        {
            RepoURL = request.RepoUrl,
            Platform = plan.Platform?.ToString(),
            SubscriptionName = subscriptionName,
            References = references,
        };
    }

    private async Task<IReadOnlyList<DiscoveredImageReference>> TakeInOrderAsync(
        RegistryConnection connection,
        ImageDiscoveryPlan plan,
        IReadOnlyList<string> ordered,
        Func<IReadOnlyList<string>>? fullOrder,
        bool cacheByTag,
        CancellationToken cancellationToken)
    {
        var result = new List<DiscoveredImageReference>(plan.Limit);
        var next = 0;
        while (result.Count < plan.Limit)
        {
            if (next >= ordered.Count)
            {
                if (fullOrder is null)
                {
                    break;
                }

                // `ordered` is a prefix of the full order, so `next` stays valid in it.
                ordered = fullOrder();
                fullOrder = null;
                continue;
            }

            // Without a platform filter every tag qualifies, so exactly `Limit` tags get resolved.
            var batch = ordered.Skip(next).Take(plan.Limit - result.Count).ToList();
            next += batch.Count;
            var resolved = await ResolveAllAsync(connection, plan, batch, cacheByTag, cancellationToken).ConfigureAwait(false);
            result.AddRange(resolved.Where(r => r is not null).Take(plan.Limit - result.Count)!);
        }

        return result;
    }

    private async Task<IReadOnlyList<DiscoveredImageReference>> NewestBuildAsync(
        RegistryConnection connection,
        ImageDiscoveryPlan plan,
        IReadOnlyList<string> tags,
        bool cacheByTag,
        CancellationToken cancellationToken)
    {
        var resolved = await ResolveAllAsync(connection, plan, tags, cacheByTag, cancellationToken).ConfigureAwait(false);
        return TagOrdering.NewestBuild(resolved.OfType<DiscoveredImageReference>(), r => r.Tag, r => r.CreatedAt).Take(plan.Limit).ToList();
    }

    private async Task<DiscoveredImageReference?[]> ResolveAllAsync(
        RegistryConnection connection,
        ImageDiscoveryPlan plan,
        IReadOnlyList<string> tags,
        bool cacheByTag,
        CancellationToken cancellationToken)
    {
        var results = new DiscoveredImageReference?[tags.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _client.Options.MaxConcurrentRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, tags.Count), options, async (i, token) =>
            results[i] = await _resolver.ResolveTagAsync(connection, tags[i], plan.Platform, cacheByTag, token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
