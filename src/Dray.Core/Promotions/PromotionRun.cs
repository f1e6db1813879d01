using System.Text.Json.Nodes;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Steps;

namespace Dray.Core.Promotions;

/// <summary>Everything fixed for one run of a Promotion: the spec, evaluated Promotion vars and loaded data.</summary>
internal sealed record PromotionRun(
    Promotion Promotion,
    PromotionContextData Context,
    PromotionExpressionData Data,
    JsonObject PromotionVars,
    IReadOnlyList<Freight> Freight,
    WorkDirectory WorkDirectory,
    IStepSecrets Secrets)
{
    public string Project => Promotion.Metadata.Namespace ?? "";

    public static string AliasOf(PromotionStep step, int index) =>
        string.IsNullOrEmpty(step.As) ? $"step-{index + 1}" : step.As;
}
