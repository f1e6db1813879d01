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
        await using var resolutions = new Resolutions(this, connection, plan.Platform, request.CacheByTag, cancellationToken);
        IReadOnlyList<DiscoveredImageReference> references;
        if (plan.Strategy == ImageSelectionStrategy.Digest)
        {
            var single = await _resolver.ResolveTagAsync(connection, plan.DigestTag!, plan.Platform, cacheByTag: false, cancellationToken).ConfigureAwait(false);
            references = single is null ? [] : [single];
        }
        else
        {
            // What was kept last time is most likely kept again: resolve it while the tag list loads. Every digest
            // still comes from a request of this discovery; a guess that turns out wrong costs one request each.
            var previous = request.PreviousTags.Where(plan.Filter.Matches).ToList();
            var guesses = plan.Strategy switch
            {
                ImageSelectionStrategy.SemVer => TagOrdering.SemVerTop(previous, plan.Constraint, request.StrictSemvers, plan.Limit),
                ImageSelectionStrategy.Lexical => TagOrdering.Lexical(previous).Take(plan.Limit).ToList(),
                _ => [],
            };
            resolutions.StartEarly(guesses);

            var tags = (await _client.ListTagsAsync(connection, cancellationToken).ConfigureAwait(false)).Where(plan.Filter.Matches).ToList();
            references = plan.Strategy switch
            {
                // Only the best `Limit` versions are ordered; the full order is needed only when the platform
                // filter turns some of them away.
                ImageSelectionStrategy.SemVer => await TakeInOrderAsync(
                    resolutions,
                    plan,
                    TagOrdering.SemVerTop(tags, plan.Constraint, request.StrictSemvers, plan.Limit),
                    () => TagOrdering.SemVer(tags, plan.Constraint, request.StrictSemvers)).ConfigureAwait(false),
                ImageSelectionStrategy.Lexical => await TakeInOrderAsync(resolutions, plan, TagOrdering.Lexical(tags), null).ConfigureAwait(false),
                _ => await NewestBuildAsync(resolutions, plan, tags).ConfigureAwait(false),
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

    private static async Task<IReadOnlyList<DiscoveredImageReference>> TakeInOrderAsync(
        Resolutions resolutions,
        ImageDiscoveryPlan plan,
        IReadOnlyList<string> ordered,
        Func<IReadOnlyList<string>>? fullOrder)
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
            var resolved = await resolutions.ResolveAllAsync(batch).ConfigureAwait(false);
            result.AddRange(resolved.Where(r => r is not null).Take(plan.Limit - result.Count)!);
        }

        return result;
    }

    private static async Task<IReadOnlyList<DiscoveredImageReference>> NewestBuildAsync(Resolutions resolutions, ImageDiscoveryPlan plan, IReadOnlyList<string> tags)
    {
        var resolved = await resolutions.ResolveAllAsync(tags).ConfigureAwait(false);
        return TagOrdering.NewestBuild(resolved.OfType<DiscoveredImageReference>(), r => r.Tag, r => r.CreatedAt).Take(plan.Limit).ToList();
    }

    /// <summary>
    /// The tag resolutions of one discovery: at most <see cref="OciRegistryClientOptions.MaxConcurrentRequests"/> in
    /// flight, early ones (guesses) reused when the tag turns out to be wanted, the first real failure cancelling the
    /// rest, and nothing left running when the discovery ends.
    /// </summary>
    private sealed class Resolutions : IAsyncDisposable
    {
        private readonly ImageDiscoverer _owner;
        private readonly RegistryConnection _connection;
        private readonly OciPlatform? _platform;
        private readonly bool _cacheByTag;
        private readonly CancellationTokenSource _cancel;
        private readonly SemaphoreSlim _gate;
        private readonly Dictionary<string, Task<DiscoveredImageReference?>> _early = new(StringComparer.Ordinal);

        public Resolutions(ImageDiscoverer owner, RegistryConnection connection, OciPlatform? platform, bool cacheByTag, CancellationToken cancellationToken)
        {
            _owner = owner;
            _connection = connection;
            _platform = platform;
            _cacheByTag = cacheByTag;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = owner._client.Options.MaxConcurrentRequests;
            _gate = new SemaphoreSlim(inFlight, inFlight);
        }

        public void StartEarly(IEnumerable<string> tags)
        {
            foreach (var tag in tags)
            {
                _early.TryAdd(tag, ResolveAsync(tag, failFast: false));
            }
        }

        public Task<DiscoveredImageReference?[]> ResolveAllAsync(IReadOnlyList<string> tags) => Task.WhenAll(tags.Select(ResolveOneAsync));

        public async ValueTask DisposeAsync()
        {
            await _cancel.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(_early.Values).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Unused guesses end here, cancelled or failed; a wanted one's failure was resolved again and reported.
            }

            _cancel.Dispose();
            _gate.Dispose();
        }

        private async Task<DiscoveredImageReference?> ResolveOneAsync(string tag)
        {
            if (_early.TryGetValue(tag, out var early))
            {
                try
                {
                    return await early.ConfigureAwait(false);
                }
                catch (Exception) when (!_cancel.IsCancellationRequested)
                {
                    // The guess raced a change to the tag (or failed for a passing reason): ask again, for real.
                }
            }

            return await ResolveAsync(tag, failFast: true).ConfigureAwait(false);
        }

        private async Task<DiscoveredImageReference?> ResolveAsync(string tag, bool failFast)
        {
            var token = _cancel.Token;
            await _gate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                return await _owner._resolver.ResolveTagAsync(_connection, tag, _platform, _cacheByTag, token).ConfigureAwait(false);
            }
            catch (Exception) when (failFast && !token.IsCancellationRequested)
            {
                await _cancel.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
