using Dray.Core.FreightIdentity;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;

namespace Dray.Server.Webhooks;

/// <summary>
/// Which Warehouses a delivery concerns: those with a subscription to the payload's repository (URLs compared in the
/// normalized form Freight IDs and credentials use), and, for a git push that lists its files, only those whose
/// <c>includePaths</c>/<c>excludePaths</c> let at least one changed file through.
/// </summary>
public static class WebhookWarehouseMatcher
{
    public static WebhookMatch Match(IEnumerable<Warehouse> warehouses, WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(warehouses);
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var selected = new List<string>();
        var filteredOut = new List<string>();
        var wanted = webhookEvent.Kind == WebhookArtifactKind.Git
            ? webhookEvent.RepoUrls.Select(GitUrl.Normalize).ToHashSet(StringComparer.Ordinal)
            : webhookEvent.RepoUrls.SelectMany(u => new[] { ImageUrl.Normalize(u), ChartUrl.Normalize(u) }).ToHashSet(StringComparer.Ordinal);
        foreach (var warehouse in warehouses)
        {
            var name = warehouse.Metadata.Name ?? "";
            var subscriptions = warehouse.Spec.Subscriptions;
            if (webhookEvent.Kind == WebhookArtifactKind.Image)
            {
                if (subscriptions.Any(s => SubscribesToImage(s, wanted)))
                {
                    selected.Add(name);
                }

                continue;
            }

            var git = subscriptions.Select(s => s.Git).OfType<GitSubscription>().Where(g => wanted.Contains(GitUrl.Normalize(g.RepoURL))).ToList();
            if (git.Count == 0)
            {
                continue;
            }

            if (git.Any(g => PathsChanged(g, webhookEvent.ChangedPaths)))
            {
                selected.Add(name);
            }
            else
            {
                filteredOut.Add(name);
            }
        }

        return new WebhookMatch(selected, filteredOut);
    }

    private static bool SubscribesToImage(RepoSubscription subscription, HashSet<string> wanted) =>
        (subscription.Image is { } image && wanted.Contains(ImageUrl.Normalize(image.RepoURL)))
        || (subscription.Chart is { } chart && chart.RepoURL.StartsWith("oci://", StringComparison.OrdinalIgnoreCase) && wanted.Contains(ChartUrl.Normalize(chart.RepoURL)));

    private static bool PathsChanged(GitSubscription subscription, IReadOnlyList<string>? changedPaths)
    {
        if (changedPaths is null || changedPaths.Count == 0)
        {
            return true;
        }

        GitPathFilter filter;
        try
        {
            filter = GitPathFilter.Create(subscription.IncludePaths, subscription.ExcludePaths);
        }
        catch (GitException)
        {
            // A broken pattern is discovery's to report, on the Warehouse; refreshing lets it do that.
            return true;
        }

        return filter.IsEmpty || filter.Qualifies(changedPaths);
    }
}
