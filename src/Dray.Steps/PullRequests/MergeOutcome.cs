namespace Dray.Steps.PullRequests;

/// <summary>
/// The result of a merge attempt. When <see cref="Merged"/> is false the provider said the pull request cannot be
/// merged yet (checks pending, conflicts, approvals missing); <see cref="Reason"/> carries its explanation.
/// </summary>
public sealed record MergeOutcome(bool Merged, PullRequest? PullRequest, string? Reason)
{
    public static MergeOutcome Done(PullRequest pr) => new(true, pr, null);

    public static MergeOutcome NotYet(string reason) => new(false, null, reason);
}
