using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Analysis;

/// <summary>An Argo Rollouts analysis template, used by Stage verification.</summary>
public sealed record AnalysisTemplate
{
    public string ApiVersion { get; init; } = ResourceKinds.RolloutsApiVersion;

    public string Kind { get; init; } = ResourceKinds.AnalysisTemplate.Kind;

    public required ObjectMeta Metadata { get; init; }

    public required AnalysisTemplateSpec Spec { get; init; }
}
