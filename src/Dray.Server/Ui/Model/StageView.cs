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
    public static StageView From(Stage stage, IReadOnlyDictionary<string, string> aliases)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(aliases);
        var status = stage.Status;
        var latest = status?.FreightHistory is { Count: > 0 } history ? history[0] : null;
        var freightName = latest?.Items?.Values.Select(f => f.Name).FirstOrDefault(n => n is not null)
            ?? status?.LastPromotion?.Freight?.Name;
        var current = freightName is null ? null : aliases.GetValueOrDefault(freightName, freightName);
        var verification = latest?.VerificationHistory is { Count: > 0 } runs ? runs[0].Phase : null;
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
}
