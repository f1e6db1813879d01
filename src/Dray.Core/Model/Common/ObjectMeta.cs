using System.Text.Json;

namespace Dray.Core.Model.Common;

/// <summary>Kubernetes object metadata, limited to the fields Dray reads, writes or must keep on round trips.</summary>
public sealed record ObjectMeta
{
    public string? Name { get; init; }

    public string? GenerateName { get; init; }

    public string? Namespace { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }

    public long? Generation { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public DateTimeOffset? DeletionTimestamp { get; init; }

    public long? DeletionGracePeriodSeconds { get; init; }

    public IReadOnlyList<string>? Finalizers { get; init; }

    public IReadOnlyList<OwnerReference>? OwnerReferences { get; init; }

    /// <summary>Server-side-apply bookkeeping copied from <c>kubectl get -o yaml</c>; kept opaque and unused.</summary>
    public JsonElement? ManagedFields { get; init; }
}
