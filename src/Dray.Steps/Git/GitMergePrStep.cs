using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.ApiClients;

namespace Dray.Steps.Git;

/// <summary><c>git-merge-pr</c>: merges a pull request now; with <c>wait</c>, keeps polling until it can be merged.</summary>
public sealed class GitMergePrStep(PullRequestStepSupport support) : PromotionStep<GitMergePrConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, GitMergePrConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var provider = await support.ProviderAsync(context, config.RepoURL, config.Provider, config.InsecureSkipTLSVerify, ct);
        try
        {
            var outcome = await provider.MergeAsync(config.PrNumber, config.MergeMethod, ct);
            if (outcome.Merged)
            {
                return StepResult.Succeeded(new JsonObject { ["commit"] = outcome.PullRequest!.MergeCommitSha });
            }

            var message = $"pull request {config.PrNumber} cannot be merged yet: {outcome.Reason}";
            return config.Wait
                ? StepResult.Running(PullRequestStepSupport.PollInterval(config.PollInterval), message)
                : StepResult.Failed(message);
        }
        catch (ApiException e)
        {
            return StepResult.Errored(e.Message, e.Terminal);
        }
    }
}
