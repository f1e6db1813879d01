using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>
/// Auto-promotion (Kargo §6.3): per requested origin, pick a candidate with the selection policy, then skip it
/// when it is held, already current, already on its way, or its last Promotion to this Stage did not succeed.
/// </summary>
public static class AutoPromotionSelector
{
    public static IReadOnlyList<AutoPromotionDecision> Decide(AutoPromotionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stage = input.Stage;
        var requests = stage.Spec.RequestedFreight;
        if (!PromotionPolicyMatcher.AutoPromotionEnabled(input.ProjectConfig, stage))
        {
            return requests.Select(r => None(r, "auto-promotion is not enabled for this Stage by the ProjectConfig")).ToList();
        }

        if (stage.Spec.PromotionTemplate?.Spec?.Steps is not { Count: > 0 })
        {
            return requests.Select(r => None(r, "a control-flow Stage is never promoted to")).ToList();
        }

        return requests.Select(r => DecideOne(input, r)).ToList();
    }

    /// <summary>The candidate for one request, before any skipping rule; null with a reason when there is none.</summary>
    public static (Freight? Candidate, string Reason) Candidate(AutoPromotionInput input, FreightRequest request)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(request);
        var available = AvailableFreightQuery.NewestFirst(input.Freight.Where(f => f.Origin == request.Origin))
            .Where(f => FreightAvailability.Evaluate(input.Stage, f, input.Now).Available)
            .ToList();
        if (request.Sources.AutoPromotionOptions?.SelectionPolicy != AutoPromotionSelectionPolicy.MatchUpstream)
        {
            return available.Count > 0
                ? (available[0], "newest available Freight")
                : (null, $"no Freight from {request.Origin} is available");
        }

        if (request.Sources.Stages is not { Count: 1 } upstreams || request.Sources.Direct == true)
        {
            return (null, "MatchUpstream needs exactly one upstream Stage and direct: false");
        }

        var upstream = upstreams[0];
        var inUpstream = available.Where(f => f.Status?.CurrentlyIn?.ContainsKey(upstream) == true).ToList();
        return inUpstream.Count switch
        {
            1 => (inUpstream[0], $"the Freight in {upstream}"),
            0 => (null, $"no available Freight from {request.Origin} is in {upstream}"),
            _ => (null, $"{upstream} momentarily holds several Freight from {request.Origin}; waiting"),
        };
    }

    private static AutoPromotionDecision DecideOne(AutoPromotionInput input, FreightRequest request)
    {
        var (candidate, reason) = Candidate(input, request);
        if (candidate is null)
        {
            return None(request, reason);
        }

        var name = candidate.Metadata.Name ?? "";
        var holds = input.Holds ?? input.Stage.Status?.EffectiveAutoPromotionHolds ?? input.Stage.Status?.AutoPromotionHolds;
        if (holds?.TryGetValue(request.Origin.ToString(), out var hold) == true)
        {
            return None(request, $"auto-promotion of {request.Origin} is held since Freight {hold.FreightName} was promoted manually"
                + (hold.Actor is null ? "" : $" by {hold.Actor}"));
        }

        var current = input.Stage.Status?.FreightHistory is { Count: > 0 } history ? history[0] : null;
        if (current?.Items?.Values.Any(i => i.Name == name) == true)
        {
            return None(request, $"Freight {name} is already in this Stage");
        }

        var stageName = input.Stage.Metadata.Name;
        var forCandidate = input.Promotions
            .Where(p => p.Spec.Stage == stageName && p.Spec.Freight == name)
            .OrderByDescending(p => p.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        if (forCandidate.FirstOrDefault(p => !PromotionPhases.IsTerminal(p.Status?.Phase)) is { } inFlight)
        {
            return None(request, $"Promotion {inFlight.Metadata.Name} of Freight {name} is already {inFlight.Status?.Phase ?? PromotionPhase.Pending}");
        }

        var last = forCandidate.FirstOrDefault();
        if (last is not null && last.Status?.Phase != PromotionPhase.Succeeded)
        {
            return None(request, $"the last Promotion of Freight {name} ({last.Metadata.Name}) {last.Status?.Phase}; promote it manually to retry");
        }

        if (last is not null && IsNewerThanLastHandled(input.Stage, last))
        {
            return None(request, $"Promotion {last.Metadata.Name} of Freight {name} succeeded and is not processed yet");
        }

        return new AutoPromotionDecision(request.Origin, candidate, reason);
    }

    private static bool IsNewerThanLastHandled(Stage stage, Promotion promotion) =>
        stage.Status?.LastPromotion?.Name is not { } lastName
        || string.CompareOrdinal(promotion.Metadata.Name, lastName) > 0;

    private static AutoPromotionDecision None(FreightRequest request, string reason) => new(request.Origin, null, reason);
}
