using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.ApiClients;

namespace Dray.Steps.Git;

/// <summary><c>git-wait-for-pr</c>: Running while the pull request is open; Succeeded once merged; closed is terminal.</summary>
public sealed class GitWaitForPrStep(PullRequestStepSupport support) : PromotionStep<GitWaitForPrConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, GitWaitForPrConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var provider = await support.ProviderAsync(context, config.RepoURL, config.Provider, config.InsecureSkipTLSVerify, ct);
        try
        {
            var pr = await provider.GetAsync(config.PrNumber, ct);
            var outputs = new JsonObject { ["pr"] = PullRequestStepSupport.PrOutput(pr) };
            if (pr.IsOpen)
            {
                return StepResult.Running(PullRequestStepSupport.PollInterval(config.PollInterval), $"pull request {pr.Number} is open") with { Outputs = outputs };
            }

            if (!pr.IsMerged)
            {
                return StepResult.Failed($"pull request {pr.Number} was closed without being merged", terminal: true) with { Outputs = outputs };
            }

            outputs["commit"] = pr.MergeCommitSha;
            return StepResult.Succeeded(outputs);
        }
        catch (ApiException e)
        {
            return StepResult.Errored(e.Message, e.Terminal);
        }
    }
}
