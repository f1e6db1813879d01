using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Stages.Verifying;

namespace Dray.Core.Stages;

/// <summary>
/// The Freight status a Stage implies, pure and idempotent (only changed Freight are returned):
/// <list type="bullet">
/// <item>a control-flow Stage marks every Freight available to it verified there, passing it straight through;</item>
/// <item>a regular Stage marks the Freight of its current collection verified when the latest verification
/// succeeded (or none is configured and the Stage is healthy), and revokes the mark when it failed (Kargo #5144).</item>
/// </list>
/// </summary>
public static class StageFreightPlanner
{
    public static IReadOnlyList<Freight> Plan(StageSnapshot snapshot, VerificationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(decision);
        var stageName = snapshot.Stage.Metadata.Name ?? "";
        if (snapshot.IsControlFlow)
        {
            return snapshot.Freight
                .Where(f => FreightAvailability.Evaluate(snapshot.Stage, f, snapshot.Now).Available)
                .Select(f => (Before: f, After: FreightTransitions.MarkVerified(f, stageName, snapshot.Now)))
                .Where(p => !ReferenceEquals(p.Before, p.After))
                .Select(p => p.After)
                .ToList();
        }

        if (snapshot.Stage.Status?.FreightHistory is not { Count: > 0 } history || history[0].Items is not { Count: > 0 } items)
        {
            return [];
        }

        var latest = StageVerificationRules.LatestVerification(snapshot.Stage);
        Func<Freight, Freight>? change = null;
        if (latest?.Phase == VerificationPhase.Successful || decision.Action == VerificationAction.MarkVerified)
        {
            change = f => FreightTransitions.MarkVerified(f, stageName, snapshot.Now);
        }
        else if (latest?.Phase is VerificationPhase.Failed or VerificationPhase.Error or VerificationPhase.Inconclusive)
        {
            change = f => FreightTransitions.RevokeVerification(f, stageName);
        }

        if (change is null)
        {
            return [];
        }

        var names = items.Values.Select(i => i.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return snapshot.Freight
            .Where(f => names.Contains(f.Metadata.Name ?? ""))
            .Select(f => (Before: f, After: change(f)))
            .Where(p => !ReferenceEquals(p.Before, p.After))
            .Select(p => p.After)
            .ToList();
    }
}
