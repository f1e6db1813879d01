using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.PromotionTasks;

/// <summary>A <see cref="PromotionTask"/> that every project can use.</summary>
public sealed record ClusterPromotionTask
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.ClusterPromotionTask.Kind;

    public required ObjectMeta Metadata { get; init; }

    public required PromotionTaskSpec Spec { get; init; }
}
