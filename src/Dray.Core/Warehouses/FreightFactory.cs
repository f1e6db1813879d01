using Dray.Core.FreightIdentity;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Warehouses;

/// <summary>Builds Freight from the best match (element [0]) of every subscription's discovery result.</summary>
public static class FreightFactory
{
    /// <param name="warehouse">The origin; its subscriptions define which artifacts the Freight carries.</param>
    /// <param name="discovered">Results as <see cref="WarehouseDiscovery"/> returns them: per type, in subscription order.</param>
    public static FreightCandidate Build(Warehouse warehouse, DiscoveredArtifacts discovered)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(discovered);
        var commits = new List<GitCommit>();
        var images = new List<Image>();
        var charts = new List<Chart>();
        int gitIndex = 0, imageIndex = 0, chartIndex = 0;
        foreach (var subscription in warehouse.Spec.Subscriptions)
        {
            var added = subscription switch
            {
                { Image: not null } => AddImage(images, At(discovered.Images, imageIndex++), subscription.Name),
                { Git: not null } => AddCommit(commits, At(discovered.Git, gitIndex++), subscription.Name),
                { Chart: not null } => AddChart(charts, At(discovered.Charts, chartIndex++), subscription.Name),
                _ => false,
            };
            if (!added)
            {
                return new FreightCandidate(null, $"no Freight: {WarehouseDiscovery.Describe(subscription)} found no artifacts");
            }
        }

        var origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = warehouse.Metadata.Name ?? "" };
        var name = FreightId.Compute(origin, commits, images, charts, artifacts: null);
        return new FreightCandidate(
            new Freight
            {
                Metadata = new ObjectMeta { Name = name, Namespace = warehouse.Metadata.Namespace },
                Origin = origin,
                Commits = commits.Count == 0 ? null : commits,
                Images = images.Count == 0 ? null : images,
                Charts = charts.Count == 0 ? null : charts,
                DiscoveredAt = discovered.DiscoveredAt,
            },
            null);
    }

    private static T? At<T>(IReadOnlyList<T>? list, int index)
        where T : class => list is not null && index < list.Count ? list[index] : null;

    private static bool AddImage(List<Image> images, ImageDiscoveryResult? result, string? subscriptionName)
    {
        if (result?.References is not { Count: > 0 } references)
        {
            return false;
        }

        var best = references[0];
        images.Add(new Image
        {
            RepoURL = result.RepoURL,
            Tag = best.Tag,
            Digest = best.Digest,
            Annotations = best.Annotations is { Count: > 0 } ? best.Annotations : null,
            SubscriptionName = subscriptionName,
        });
        return true;
    }

    private static bool AddCommit(List<GitCommit> commits, GitDiscoveryResult? result, string? subscriptionName)
    {
        if (result?.Commits is not { Count: > 0 } found)
        {
            return false;
        }

        var best = found[0];
        commits.Add(new GitCommit
        {
            RepoURL = result.RepoURL,
            Id = best.Id,
            Branch = best.Branch,
            Tag = best.Tag,
            Message = best.Subject,
            Author = best.Author,
            Committer = best.Committer,
            SubscriptionName = subscriptionName,
        });
        return true;
    }

    private static bool AddChart(List<Chart> charts, ChartDiscoveryResult? result, string? subscriptionName)
    {
        if (result?.Versions is not { Count: > 0 } versions)
        {
            return false;
        }

        charts.Add(new Chart
        {
            RepoURL = result.RepoURL,
            Name = string.IsNullOrEmpty(result.Name) ? null : result.Name,
            Version = versions[0],
            SubscriptionName = subscriptionName,
        });
        return true;
    }
}
