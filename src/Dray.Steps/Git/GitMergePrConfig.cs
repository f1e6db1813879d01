namespace Dray.Steps.Git;

public sealed record GitMergePrConfig : PullRequestStepConfig
{
    /// <summary>Return Running until the pull request can be merged, instead of failing.</summary>
    public bool Wait { get; init; }

    /// <summary>Provider-specific: GitHub merge|squash|rebase, Gitea's "do" values, Azure DevOps merge strategies, ...</summary>
    public string? MergeMethod { get; init; }
}
