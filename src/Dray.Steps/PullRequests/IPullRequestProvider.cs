namespace Dray.Steps.PullRequests;

/// <summary>One repository on one git hosting service. Errors are <see cref="ApiClients.ApiException"/>.</summary>
public interface IPullRequestProvider
{
    PullRequestProviderKind Kind { get; }

    /// <summary>Opens a pull request, or returns the open one that already exists for the same source and target.</summary>
    Task<PullRequest> OpenAsync(OpenPullRequestRequest request, CancellationToken ct);

    Task<PullRequest> GetAsync(long number, CancellationToken ct);

    /// <summary>Merges an open pull request. A merged one is returned as is; a closed one is a terminal error.</summary>
    /// <param name="mergeMethod">Provider-specific (GitHub merge/squash/rebase, GitLab squash, Azure DevOps noFastForward/squash/rebase/rebaseMerge, ...); null for the default.</param>
    Task<MergeOutcome> MergeAsync(long number, string? mergeMethod, CancellationToken ct);
}
