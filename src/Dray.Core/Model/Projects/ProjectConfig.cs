using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Projects;

/// <summary>Per-project settings; named like its Project and stored in the Project's namespace.</summary>
public sealed record ProjectConfig
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.ProjectConfig.Kind;

    public required ObjectMeta Metadata { get; init; }

    public ProjectConfigSpec? Spec { get; init; }

    public ProjectConfigStatus? Status { get; init; }
}
