using System.Globalization;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages.HealthChecks;

namespace Dray.Core.Stages;

/// <summary>
/// The Stage status a reconcile should write, pure: the current Promotion, the auto-promotion flag and holds,
/// the freight summary, health and observed generation. History and verification entries are kept as they are;
/// <see cref="Verifying.VerificationHistory"/> edits those.
/// </summary>
public static class StageStatusCalculator
{
    public static StageStatus Compute(StageSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stage = snapshot.Stage;
        var status = stage.Status ?? new StageStatus();
        var enabled = PromotionPolicyMatcher.AutoPromotionEnabled(snapshot.ProjectConfig, stage);
        var holds = enabled ? Holds(snapshot) : null;
        var current = Current(snapshot.Promotions);
        return status with
        {
            ObservedGeneration = stage.Metadata.Generation,
            AutoPromotionEnabled = enabled,
            AutoPromotionHolds = holds is { Count: > 0 } ? holds : null,
            EffectiveAutoPromotionHolds = holds is { Count: > 0 } ? holds : null,
            CurrentPromotion = current,
            FreightSummary = Summary(snapshot),
            Health = snapshot.IsControlFlow ? null
                : current is not null && status.LastPromotion is not null
                    ? new Health { Status = HealthState.Unknown, Issues = [$"Promotion {current.Name} is in progress"] }
                    : snapshot.Health,
        };
    }

    /// <summary>
    /// Holds (Kargo 1.11) replayed from the stored ones over every succeeded Promotion in creation order; each
    /// Promotion's candidate is judged on the Freight that existed when it was created. Replaying is idempotent.
    /// </summary>
    public static IReadOnlyDictionary<string, AutoPromotionHold> Holds(StageSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var holds = snapshot.Stage.Status?.AutoPromotionHolds ?? new Dictionary<string, AutoPromotionHold>();
        foreach (var promotion in snapshot.Promotions
            .Where(p => p.Status?.Phase == PromotionPhase.Succeeded)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
        {
            holds = AutoPromotionHolds.Apply(holds, promotion, CandidateAt(snapshot, promotion));
        }

        return holds;
    }

    private static string? CandidateAt(StageSnapshot snapshot, Promotion promotion)
    {
        var origin = promotion.Status?.Freight?.Origin;
        var request = origin is null ? null : FreightAvailability.FindRequest(snapshot.Stage, origin);
        if (request is null)
        {
            return null;
        }

        var created = promotion.Metadata.CreationTimestamp ?? snapshot.Now;
        var input = new AutoPromotionInput
        {
            Stage = snapshot.Stage,
            Freight = snapshot.Freight.Where(f => (f.Metadata.CreationTimestamp ?? f.DiscoveredAt ?? DateTimeOffset.MinValue) <= created).ToList(),
            Promotions = [],
            Now = created,
        };
        return AutoPromotionSelector.Candidate(input, request).Candidate?.Metadata.Name;
    }

    private static PromotionReference? Current(IReadOnlyList<Promotion> promotions)
    {
        var name = Promotions.PromotionQueue.Next(promotions);
        var promotion = name is null ? null : promotions.First(p => p.Metadata.Name == name);
        return promotion is null ? null : new PromotionReference
        {
            Name = name!,
            Freight = promotion.Status?.Freight ?? new FreightReference { Name = promotion.Spec.Freight },
        };
    }

    private static string Summary(StageSnapshot snapshot)
    {
        if (snapshot.IsControlFlow)
        {
            return "N/A";
        }

        var requests = snapshot.Stage.Spec.RequestedFreight;
        var items = snapshot.Stage.Status?.FreightHistory is { Count: > 0 } history ? history[0].Items : null;
        if (requests.Count == 1)
        {
            return items?.GetValueOrDefault(requests[0].Origin.ToString())?.Name ?? "";
        }

        var fulfilled = requests.Count(r => items?.ContainsKey(r.Origin.ToString()) == true);
        return string.Create(CultureInfo.InvariantCulture, $"{fulfilled}/{requests.Count} Fulfilled");
    }
}
