namespace Dray.Core.Expressions.Kargo;

/// <summary>The facts behind the <c>ctx</c> variable of promotion expressions.</summary>
public sealed record PromotionContextData(
    string Project,
    string Stage,
    string Promotion,
    string? TargetFreightName = null,
    string? TargetFreightAlias = null,
    string? TargetFreightOrigin = null,
    string? Actor = null,
    bool Rollback = false,
    string? StepAlias = null,
    string? UiBaseUrl = null);
