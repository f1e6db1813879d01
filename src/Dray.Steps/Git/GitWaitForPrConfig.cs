namespace Dray.Steps.Git;

public sealed record GitWaitForPrConfig : PullRequestStepConfig;
