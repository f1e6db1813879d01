namespace Dray.Steps.PullRequests;

public enum PullRequestProviderKind
{
    GitHub,
    GitLab,
    Gitea,
    AzureDevOps,
    Bitbucket,
}
