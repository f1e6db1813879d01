namespace Dray.Core.Model.Kubernetes;

public sealed record NamespaceStatus
{
    /// <summary><c>Active</c> or <c>Terminating</c>.</summary>
    public string? Phase { get; init; }
}
