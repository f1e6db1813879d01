namespace Dray.Core.Model.Freights;

/// <summary>One container image carried by Freight.</summary>
public sealed record Image
{
    public string? RepoURL { get; init; }

    public string? Tag { get; init; }

    public string? Digest { get; init; }

    /// <summary>OCI annotations of the image manifest or index.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public string? SubscriptionName { get; init; }
}
