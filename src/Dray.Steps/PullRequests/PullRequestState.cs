namespace Dray.Steps.PullRequests;

public enum PullRequestState
{
    Open,
    Closed,
    Merged,
}
