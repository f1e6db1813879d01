using System.Net;
using Dray.Steps.ApiClients;

namespace Dray.Steps.PullRequests;

/// <summary>
/// The result of a merge attempt. When <see cref="Merged"/> is false the provider said the pull request cannot be
/// merged yet (checks pending, conflicts, approvals missing); <see cref="Reason"/> carries its explanation.
/// </summary>
public sealed record MergeOutcome(bool Merged, PullRequest? PullRequest, string? Reason)
{
    public static MergeOutcome Done(PullRequest pr) => new(true, pr, null);

    public static MergeOutcome NotYet(string reason) => new(false, null, reason);

    /// <summary>
    /// What every provider checks before merging: already merged is done; closed without a merge is a terminal error
    /// with <paramref name="closedMessage"/>; null means the pull request is open and the merge should go ahead.
    /// </summary>
    public static MergeOutcome? Settled(PullRequest pr, string closedMessage)
    {
        ArgumentNullException.ThrowIfNull(pr);
        if (pr.IsMerged)
        {
            return Done(pr);
        }

        return pr.State == PullRequestState.Closed
            ? throw new ApiException(closedMessage, HttpStatusCode.Conflict, terminal: true)
            : null;
    }
}
