using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Server.Ui.Model;

/// <summary>What a Stage card and the Stage table show.</summary>
public sealed record StageView(
    string Name,
    PipelineNode Node,
    string? CurrentFreight,
    HealthState? Health,
    VerificationPhase? Verification,
    PromotionPhase? LastPromotionPhase,
    bool AutoPromotion)
{
    /// <param name="verifiedHere">Whether the named Freight's <c>status.verifiedIn</c> holds this Stage.</param>
    public static StageView From(Stage stage, IReadOnlyDictionary<string, string> aliases, Func<string, bool> verifiedHere)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(verifiedHere);
        var status = stage.Status;
        var latest = status?.FreightHistory is { Count: > 0 } history ? history[0] : null;
        var freightNames = ShownFreight(stage);
        var current = freightNames.Count == 0 ? null : aliases.GetValueOrDefault(freightNames[0], freightNames[0]);
        var verification = VerificationOf(stage, latest, freightNames, verifiedHere);
        var requests = stage.Spec.RequestedFreight;
        var node = new PipelineNode(
            stage.Metadata.Name ?? "",
            [.. requests.Where(r => r.Sources.Direct == true).Select(r => r.Origin.Name).Distinct(StringComparer.Ordinal)],
            [.. requests.SelectMany(r => r.Sources.Stages ?? []).Distinct(StringComparer.Ordinal)]);
        return new StageView(
            node.Name,
            node,
            current,
            status?.Health?.Status,
            verification,
            status?.LastPromotion?.Status?.Phase,
            status?.AutoPromotionEnabled == true);
    }

    /// <summary>The Freight the Stage is shown with: its newest collection, else the Freight of its last Promotion.</summary>
    public static IReadOnlyList<string> ShownFreight(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var status = stage.Status;
        List<string> names = [.. status?.FreightHistory is { Count: > 0 } history ? history[0].Items?.Values.Select(f => f.Name).OfType<string>() ?? [] : []];
        if (names.Count == 0 && status?.LastPromotion?.Freight?.Name is { } promoted)
        {
            names.Add(promoted);
        }

        return names;
    }

    // A Stage without analysis templates never gets an AnalysisRun: the Stage controller marks its Freight verified
    // straight after a successful promotion, so the Freight's verifiedIn is the only record of it.
    private static VerificationPhase? VerificationOf(Stage stage, FreightCollection? latest, IReadOnlyList<string> freightNames, Func<string, bool> verifiedHere)
    {
        if (stage.Spec.Verification?.AnalysisTemplates is { Count: > 0 })
        {
            return latest?.VerificationHistory is { Count: > 0 } runs ? runs[0].Phase : null;
        }

        return freightNames.Count > 0 && freightNames.All(verifiedHere) ? VerificationPhase.Successful : null;
    }
}
