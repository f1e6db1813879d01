namespace Dray.Core.Model.Kubernetes;

public sealed record NamespaceSpec
{
    public IReadOnlyList<string>? Finalizers { get; init; }
}
