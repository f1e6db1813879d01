using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Promotions;

/// <summary>A request to move one Freight into one Stage by running steps.</summary>
public sealed record Promotion
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.Promotion.Kind;

    public required ObjectMeta Metadata { get; init; }

    public required PromotionSpec Spec { get; init; }

    public PromotionStatus? Status { get; init; }
}
