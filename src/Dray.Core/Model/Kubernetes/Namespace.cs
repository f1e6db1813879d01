using Dray.Core.Model.Common;

namespace Dray.Core.Model.Kubernetes;

/// <summary>A Kubernetes Namespace; a project's namespace is labelled <see cref="ProjectLabel"/> = <c>"true"</c>.</summary>
public sealed record Namespace
{
    public const string ProjectLabel = "kargo.akuity.io/project";

    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "Namespace";

    public required ObjectMeta Metadata { get; init; }

    public NamespaceSpec? Spec { get; init; }

    public NamespaceStatus? Status { get; init; }
}
