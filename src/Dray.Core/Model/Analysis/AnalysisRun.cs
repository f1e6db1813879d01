using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Analysis;

/// <summary>One verification run: the merged metrics of a Stage's templates, and their results.</summary>
public sealed record AnalysisRun
{
    public string ApiVersion { get; init; } = ResourceKinds.RolloutsApiVersion;

    public string Kind { get; init; } = ResourceKinds.AnalysisRun.Kind;

    public required ObjectMeta Metadata { get; init; }

    public required AnalysisRunSpec Spec { get; init; }

    public AnalysisRunStatus? Status { get; init; }
}
