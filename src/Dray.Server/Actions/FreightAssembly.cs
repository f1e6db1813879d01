using Dray.Core.Model.Warehouses;

namespace Dray.Server.Actions;

/// <summary>
/// Reorders discovery results so that the artifact picked for each subscription comes first, which is the one
/// <see cref="Dray.Core.Warehouses.FreightFactory"/> puts into Freight. Results are matched to subscriptions per type,
/// in order, as the factory does.
/// </summary>
public static class FreightAssembly
{
    /// <returns>The reordered results, or null when a choice is out of range.</returns>
    public static DiscoveredArtifacts? Select(IReadOnlyList<RepoSubscription> subscriptions, DiscoveredArtifacts discovered, IReadOnlyList<int> choices)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(discovered);
        ArgumentNullException.ThrowIfNull(choices);
        var images = discovered.Images?.ToList() ?? [];
        var git = discovered.Git?.ToList() ?? [];
        var charts = discovered.Charts?.ToList() ?? [];
        int imageIndex = 0, gitIndex = 0, chartIndex = 0;
        for (var i = 0; i < subscriptions.Count && i < choices.Count; i++)
        {
            var pick = choices[i];
            var ok = subscriptions[i] switch
            {
                { Image: not null } => Pick(images, imageIndex++, r => r.References, (r, l) => r with { References = l }, pick),
                { Git: not null } => Pick(git, gitIndex++, r => r.Commits, (r, l) => r with { Commits = l }, pick),
                { Chart: not null } => Pick(charts, chartIndex++, r => r.Versions, (r, l) => r with { Versions = l }, pick),
                _ => true,
            };
            if (!ok)
            {
                return null;
            }
        }

        return discovered with { Images = images, Git = git, Charts = charts };
    }

    /// <summary>For each subscription in spec order: what it watches and the labels of its discovered artifacts, best first.</summary>
    public static IReadOnlyList<SubscriptionChoices> Choices(IReadOnlyList<RepoSubscription> subscriptions, DiscoveredArtifacts? discovered)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        int imageIndex = 0, gitIndex = 0, chartIndex = 0;
        var result = new List<SubscriptionChoices>();
        foreach (var subscription in subscriptions)
        {
            IReadOnlyList<string> options = subscription switch
            {
                { Image: not null } => [.. (At(discovered?.Images, imageIndex++)?.References ?? []).Select(r => $"{r.Tag} ({Short(r.Digest)})")],
                { Git: not null } => [.. (At(discovered?.Git, gitIndex++)?.Commits ?? []).Select(c => $"{Short(c.Id)} {c.Tag ?? c.Branch} {c.Subject}".TrimEnd())],
                { Chart: not null } => [.. At(discovered?.Charts, chartIndex++)?.Versions ?? []],
                _ => [],
            };
            result.Add(new SubscriptionChoices(Dray.Core.Warehouses.WarehouseDiscovery.Describe(subscription), options));
        }

        return result;
    }

    private static T? At<T>(IReadOnlyList<T>? list, int index)
        where T : class => list is not null && index < list.Count ? list[index] : null;

    private static string Short(string? id) => id is null ? "" : id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..19] : id.Length > 12 ? id[..12] : id;

    private static bool Pick<TResult, TItem>(
        List<TResult> results, int index, Func<TResult, IReadOnlyList<TItem>?> items, Func<TResult, IReadOnlyList<TItem>, TResult> with, int pick)
    {
        if (index >= results.Count || items(results[index]) is not { } list || pick < 0 || pick >= list.Count)
        {
            return false;
        }

        results[index] = with(results[index], [list[pick], .. list.Where((_, i) => i != pick)]);
        return true;
    }
}
