namespace Dray.Steps.PullRequests;

/// <summary>A pull (or merge) request as the providers report it, reduced to what the steps use.</summary>
/// <param name="Number">The number shown to users (GitHub/Gitea number, GitLab iid, Azure DevOps/Bitbucket id).</param>
/// <param name="Url">The web page of the pull request.</param>
/// <param name="MergeCommitSha">The commit the merge produced; null until merged.</param>
/// <param name="HeadSha">The source branch commit the pull request points at, when reported.</param>
/// <param name="Mergeable">Whether the provider says it can be merged now; null when unknown.</param>
public sealed record PullRequest(
    long Number,
    string Url,
    PullRequestState State,
    string SourceBranch,
    string TargetBranch,
    string? MergeCommitSha = null,
    string? HeadSha = null,
    bool? Mergeable = null)
{
    public bool IsOpen => State == PullRequestState.Open;

    public bool IsMerged => State == PullRequestState.Merged;
}
