using Dray.Core.FreightIdentity;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;
using Dray.Sources.Oci;

namespace Dray.Server.Webhooks;

/// <summary>
/// Which Warehouses a delivery concerns: those with a subscription to the payload's repository (URLs compared in the
/// normalized form Freight IDs and credentials use). When a git push names its refs, a branch push concerns only
/// NewestFromBranch subscriptions to that branch (its <c>branch</c>, else the repository's default branch when the
/// payload names it, else any branch) and a tag push only tag-based subscriptions whose allow/ignore regexes let the
/// tag through (and, for SemVer, whose <c>strictSemvers</c> and <c>semverConstraint</c> admit it). A branch push that lists its files concerns a subscription only when a changed file passes its
/// <c>includePaths</c>/<c>excludePaths</c>.
/// </summary>
public static class WebhookWarehouseMatcher
{
    public static WebhookMatch Match(IEnumerable<Warehouse> warehouses, WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(warehouses);
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var selected = new List<string>();
        var filteredOut = new List<string>();
        if (webhookEvent.Kind == WebhookArtifactKind.PullRequest)
        {
            return new WebhookMatch(selected, filteredOut);
        }

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

            if (git.Any(g => Concerns(g, webhookEvent)))
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

    private static bool Concerns(GitSubscription subscription, WebhookEvent push)
    {
        if (push.Refs is not { Count: > 0 } refs)
        {
            return PathsChanged(subscription, push.ChangedPaths);
        }

        var strategy = subscription.CommitSelectionStrategy ?? GitCommitSelectionStrategy.NewestFromBranch;
        var fromBranch = strategy == GitCommitSelectionStrategy.NewestFromBranch;
        foreach (var reference in refs)
        {
            if (WebhookRefs.Branch(reference) is { } branch)
            {
                var wanted = WebhookRefs.ShortBranch(subscription.Branch) ?? push.DefaultBranch;
                if (fromBranch && (wanted is null || wanted == branch) && PathsChanged(subscription, push.ChangedPaths))
                {
                    return true;
                }
            }
            else if (WebhookRefs.Tag(reference) is { } tag)
            {
                if (!fromBranch && TagAllowed(subscription, tag) && (strategy != GitCommitSelectionStrategy.SemVer || SemVerAdmits(subscription, tag)))
                {
                    return true;
                }
            }
            else
            {
                // Neither a branch nor a tag (or a spelling we do not know): refresh rather than miss an update.
                return true;
            }
        }

        return false;
    }

    private static bool TagAllowed(GitSubscription subscription, string tag)
    {
        try
        {
            return TagFilter.Create(subscription.AllowTagsRegexes, subscription.IgnoreTagsRegexes).Matches(tag);
        }
        catch (FormatException)
        {
            // A broken pattern is discovery's to report, on the Warehouse; refreshing lets it do that.
            return true;
        }
    }

    // Discovery's own rule (strictSemvers, semverConstraint); a constraint that does not parse refreshes, so discovery
    // reports it on the Warehouse.
    private static bool SemVerAdmits(GitSubscription subscription, string tag) =>
        !GitSemVerTagRule.TryCreate(subscription, out var rule, out _) || rule.Admits(tag);

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
