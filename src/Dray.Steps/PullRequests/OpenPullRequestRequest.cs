namespace Dray.Steps.PullRequests;

public sealed record OpenPullRequestRequest(
    string SourceBranch,
    string TargetBranch,
    string Title,
    string? Description = null,
    IReadOnlyList<string>? Labels = null);
