using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Projects;

/// <summary>A tenant. A Project has no <c>spec</c>; it owns the namespace of the same name.</summary>
public sealed record Project
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.Project.Kind;

    public required ObjectMeta Metadata { get; init; }

    public ProjectStatus? Status { get; init; }
}
