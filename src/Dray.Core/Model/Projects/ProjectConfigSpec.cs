namespace Dray.Core.Model.Projects;

public sealed record ProjectConfigSpec
{
    public IReadOnlyList<PromotionPolicy>? PromotionPolicies { get; init; }

    public IReadOnlyList<WebhookReceiverConfig>? WebhookReceivers { get; init; }

    /// <summary>Deep links shown next to Freight; <c>url</c> and <c>if</c> are expressions.</summary>
    public IReadOnlyList<DeepLink>? FreightLinks { get; init; }

    public IReadOnlyList<DeepLink>? StageLinks { get; init; }

    /// <summary>Enterprise-only in Kargo; carried, not enforced.</summary>
    public IReadOnlyList<PromotionWindow>? PromotionWindows { get; init; }
}
