using Dray.Core.Durations;
using System.Collections.Immutable;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>Pure status transitions of one Freight relative to one Stage.</summary>
public static class FreightTransitions
{
    /// <summary>The Stage starts using the Freight; an existing <c>since</c> is kept so the stay stays continuous.</summary>
    public static Freight EnterStage(Freight freight, string stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var current = Map(freight.Status?.CurrentlyIn);
        if (current.ContainsKey(stage))
        {
            return freight;
        }

        return With(freight, s => s with { CurrentlyIn = current.SetItem(stage, new CurrentStage { Since = now }) });
    }

    /// <summary>
    /// The Stage stops using the Freight. When the Freight is verified there, the finished stay may become its
    /// longest soak.
    /// </summary>
    public static Freight LeaveStage(Freight freight, string stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var current = Map(freight.Status?.CurrentlyIn);
        if (!current.TryGetValue(stage, out var stay))
        {
            return freight;
        }

        var verified = Map(freight.Status?.VerifiedIn);
        if (verified.TryGetValue(stage, out var record) && stay.Since is { } since)
        {
            var longest = GoDuration.TryParse(record.LongestSoak, out var parsed) ? parsed : TimeSpan.Zero;
            var stayed = now - since;
            if (stayed > longest)
            {
                verified = verified.SetItem(stage, record with { LongestSoak = GoDuration.Format(stayed) });
            }
        }

        return With(freight, s => s with { CurrentlyIn = current.Remove(stage), VerifiedIn = verified });
    }

    /// <summary>The Freight passed verification in the Stage; a first <c>verifiedAt</c> is kept.</summary>
    public static Freight MarkVerified(Freight freight, string stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var verified = Map(freight.Status?.VerifiedIn);
        if (verified.TryGetValue(stage, out var record) && record.VerifiedAt is not null)
        {
            return freight;
        }

        var updated = (record ?? new VerifiedStage()) with { VerifiedAt = now };
        return With(freight, s => s with { VerifiedIn = verified.SetItem(stage, updated) });
    }

    /// <summary>
    /// A re-verification failed: the Freight is no longer verified in the Stage, so downstream Stages stop
    /// seeing it as available (Kargo keeps the stale mark, #5144).
    /// </summary>
    public static Freight RevokeVerification(Freight freight, string stage)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var verified = Map(freight.Status?.VerifiedIn);
        return verified.ContainsKey(stage) ? With(freight, s => s with { VerifiedIn = verified.Remove(stage) }) : freight;
    }

    /// <summary>Manual approval; refused when the Stage does not request the Freight's origin.</summary>
    public static FreightChange Approve(Freight freight, Stage stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(freight);
        ArgumentNullException.ThrowIfNull(stage);
        var name = stage.Metadata.Name ?? "";
        if (FreightAvailability.FindRequest(stage, freight.Origin) is null)
        {
            return new FreightChange(null, $"Freight {freight.Metadata.Name} comes from {freight.Origin}, which Stage {name} does not request");
        }

        var approved = Map(freight.Status?.ApprovedFor);
        return approved.ContainsKey(name)
            ? new FreightChange(freight, null)
            : new FreightChange(With(freight, s => s with { ApprovedFor = approved.SetItem(name, new ApprovedStage { ApprovedAt = now }) }), null);
    }

    private static ImmutableDictionary<string, T> Map<T>(IReadOnlyDictionary<string, T>? map) =>
        map?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary.Create<string, T>(StringComparer.Ordinal);

    private static Freight With(Freight freight, Func<FreightStatus, FreightStatus> change) =>
        freight with { Status = change(freight.Status ?? new FreightStatus()) };
}
