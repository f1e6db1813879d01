using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;

namespace Dray.Core.GarbageCollection;

/// <summary>
/// What a garbage collection pass may delete in one project, pure. Freight in use (in a Stage, in a Stage's
/// current collection, or the target of an unfinished Promotion) and unfinished Promotions are never chosen.
/// </summary>
public static class GarbageSelector
{
    public static IReadOnlyList<Freight> Freight(
        IReadOnlyList<Freight> freight, IReadOnlyList<Stage> stages, IReadOnlyList<Promotion> promotions, GarbageCollectionOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(freight);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(options);
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            foreach (var item in stage.Status?.FreightHistory is { Count: > 0 } history ? history[0].Items?.Values ?? [] : [])
            {
                inUse.Add(item.Name ?? "");
            }
        }

        inUse.UnionWith(promotions.Where(p => !PromotionPhases.IsTerminal(p.Status?.Phase)).Select(p => p.Spec.Freight ?? ""));
        inUse.UnionWith(freight.Where(f => f.Status?.CurrentlyIn is { Count: > 0 }).Select(f => f.Metadata.Name ?? ""));
        var result = new List<Freight>();
        foreach (var group in freight.GroupBy(f => f.Origin.ToString(), StringComparer.Ordinal))
        {
            var newestFirst = AvailableFreightQuery.NewestFirst(group).ToList();
            var oldestInUse = newestFirst.FindLastIndex(f => inUse.Contains(f.Metadata.Name ?? ""));
            var older = newestFirst.Skip(oldestInUse + 1).Skip(options.MaxRetainedFreight);
            result.AddRange(older.Where(f => !inUse.Contains(f.Metadata.Name ?? "") && Age(f.Metadata.CreationTimestamp, now) >= options.MinFreightDeletionAge));
        }

        return result;
    }

    public static IReadOnlyList<Promotion> Promotions(
        IReadOnlyList<Promotion> promotions, IReadOnlyList<Stage> stages, GarbageCollectionOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(options);
        var last = stages.Select(s => s.Status?.LastPromotion?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return promotions
            .Where(p => PromotionPhases.IsTerminal(p.Status?.Phase))
            .GroupBy(p => p.Spec.Stage, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(p => p.Metadata.Name, StringComparer.Ordinal).Skip(options.MaxRetainedPromotions))
            .Where(p => !last.Contains(p.Metadata.Name ?? "") && Age(p.Status?.FinishedAt ?? p.Metadata.CreationTimestamp, now) >= options.MinPromotionDeletionAge)
            .ToList();
    }

    private static TimeSpan Age(DateTimeOffset? since, DateTimeOffset now) => since is { } s ? now - s : TimeSpan.Zero;
}
