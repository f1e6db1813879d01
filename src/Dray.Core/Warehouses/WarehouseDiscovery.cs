using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Warehouses;

/// <summary>Discovers every subscription of a Warehouse, in parallel, with credentials found by repository URL.</summary>
public sealed class WarehouseDiscovery(
    IArtifactDiscoverer<ImageSubscription, ImageDiscoveryResult> images,
    IArtifactDiscoverer<GitSubscription, GitDiscoveryResult> git,
    IArtifactDiscoverer<ChartSubscription, ChartDiscoveryResult> charts,
    ICredentialProvider credentials)
{
    /// <summary>Returns the results in subscription order; <see cref="DiscoveredArtifacts.DiscoveredAt"/> is left unset.</summary>
    /// <param name="freshAfter">See <see cref="DiscoveryContext{TResult}.FreshAfter"/>.</param>
    /// <exception cref="DiscoveryFailedException">A subscription failed; the first failing one, in spec order, is reported.</exception>
    public async Task<DiscoveredArtifacts> DiscoverAsync(Warehouse warehouse, DateTimeOffset? freshAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var subscriptions = warehouse.Spec.Subscriptions;
        var tasks = subscriptions.Select(s => DiscoverOneAsync(warehouse, s, freshAfter, cancellationToken)).ToList();
        object[] results;
        try
        {
            results = await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (DiscoveryFailedException)
        {
            // Report the first failure in spec order, not whichever finished first.
            throw tasks.First(t => t.IsFaulted).Exception!.InnerException!;
        }

        return new DiscoveredArtifacts
        {
            Images = NullIfEmpty(results.OfType<ImageDiscoveryResult>()),
            Git = NullIfEmpty(results.OfType<GitDiscoveryResult>()),
            Charts = NullIfEmpty(results.OfType<ChartDiscoveryResult>()),
        };
    }

    /// <summary>How a subscription is named in messages, for example <c>image "127.0.0.1:5000/nginx"</c>.</summary>
    public static string Describe(RepoSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var what = subscription switch
        {
            { Image: { } i } => $"image \"{i.RepoURL}\"",
            { Git: { } g } => $"git \"{g.RepoURL}\"",
            { Chart: { } c } => string.IsNullOrEmpty(c.Name) ? $"chart \"{c.RepoURL}\"" : $"chart \"{c.RepoURL}\" {c.Name}",
            { Generic: { Count: > 0 } generic } => $"{generic.Keys.First()} subscription",
            _ => "empty subscription",
        };
        return subscription.Name is null ? what : $"{what} ({subscription.Name})";
    }

    private static DiscoveryContext<T> Context<T>(
        RepoSubscription subscription, RepositoryCredentials? found, IReadOnlyList<T>? previous, Func<T, bool> sameSubscription, DateTimeOffset? freshAfter)
        where T : class => new()
    {
        SubscriptionName = subscription.Name,
        Credentials = found,
        Previous = previous?.FirstOrDefault(sameSubscription),
        FreshAfter = freshAfter,
    };

    private async Task<object> DiscoverOneAsync(Warehouse warehouse, RepoSubscription subscription, DateTimeOffset? freshAfter, CancellationToken cancellationToken)
    {
        var project = warehouse.Metadata.Namespace ?? "";
        var last = warehouse.Status?.DiscoveredArtifacts;
        try
        {
            switch (subscription)
            {
                case { Image: { } image }:
                    var imageCredentials = await credentials.GetAsync(project, CredentialType.Image, image.RepoURL, cancellationToken).ConfigureAwait(false);
                    return await images.DiscoverAsync(
                        image,
                        Context(subscription, imageCredentials, last?.Images, r => r.RepoURL == image.RepoURL && r.SubscriptionName == subscription.Name, freshAfter),
                        cancellationToken).ConfigureAwait(false);
                case { Git: { } repo }:
                    var gitCredentials = await credentials.GetAsync(project, CredentialType.Git, repo.RepoURL, cancellationToken).ConfigureAwait(false);
                    return await git.DiscoverAsync(
                        repo,
                        Context(subscription, gitCredentials, last?.Git, r => r.RepoURL == repo.RepoURL && r.SubscriptionName == subscription.Name, freshAfter),
                        cancellationToken).ConfigureAwait(false);
                case { Chart: { } chart }:
                    var chartCredentials = await credentials.GetAsync(project, CredentialType.Helm, chart.RepoURL, cancellationToken).ConfigureAwait(false);
                    return await charts.DiscoverAsync(
                        chart,
                        Context(subscription, chartCredentials, last?.Charts, r => r.RepoURL == chart.RepoURL && r.Name == chart.Name && r.SubscriptionName == subscription.Name, freshAfter),
                        cancellationToken).ConfigureAwait(false);
                default:
                    throw new NotSupportedException("this subscription type is not supported (only image, git and chart are)");
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever a discoverer throws, even an unexpected type or a timeout that is not our cancellation, ends
            // up as the Warehouse's condition instead of escaping the reconciler.
            throw new DiscoveryFailedException($"{Describe(subscription)}: {ex.Message}", ex);
        }
    }

    private static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
