using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.PromotionTasks;

/// <summary>A reusable list of steps plus variables, usable from Stages in its project.</summary>
public sealed record PromotionTask
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.PromotionTask.Kind;

    public required ObjectMeta Metadata { get; init; }

    public required PromotionTaskSpec Spec { get; init; }
}
