namespace Dray.Core.Model.Freights;

/// <summary>One commit carried by Freight. <see cref="Message"/> is the commit subject.</summary>
public sealed record GitCommit
{
    public string? RepoURL { get; init; }

    public string? Id { get; init; }

    public string? Branch { get; init; }

    public string? Tag { get; init; }

    public string? Message { get; init; }

    public string? Author { get; init; }

    public string? Committer { get; init; }

    public string? SubscriptionName { get; init; }
}
