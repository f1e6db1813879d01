namespace Dray.Core.Model.Freights;

/// <summary>One Helm chart version carried by Freight. <see cref="Name"/> is empty for OCI repositories.</summary>
public sealed record Chart
{
    public string? RepoURL { get; init; }

    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? SubscriptionName { get; init; }
}
