using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Stages;

/// <summary>A promotion target: requests Freight, holds a promotion template and optional verification.</summary>
public sealed record Stage
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.Stage.Kind;

    public required ObjectMeta Metadata { get; init; }

    public required StageSpec Spec { get; init; }

    public StageStatus? Status { get; init; }
}
