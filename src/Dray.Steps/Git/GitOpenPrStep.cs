using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.ApiClients;
using Dray.Steps.PullRequests;

namespace Dray.Steps.Git;

/// <summary><c>git-open-pr</c>: opens a pull request from the source branch, or reuses the open one.</summary>
public sealed class GitOpenPrStep(PullRequestStepSupport support) : PromotionStep<GitOpenPrConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, GitOpenPrConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var provider = await support.ProviderAsync(context, config.RepoURL, config.Provider, config.InsecureSkipTLSVerify, ct);

        // Kargo titles the pull request after the source branch's head commit; without a clone here the
        // fallback names the promotion instead.
        var title = string.IsNullOrWhiteSpace(config.Title)
            ? $"Promote {context.Project}/{context.Stage} ({config.SourceBranch} into {config.TargetBranch})"
            : config.Title;
        var labels = provider.Kind == PullRequestProviderKind.Bitbucket ? null : config.Labels;
        try
        {
            var pr = await provider.OpenAsync(
                new OpenPullRequestRequest(config.SourceBranch, config.TargetBranch, title, config.Description, labels), ct);
            return StepResult.Succeeded(new JsonObject { ["pr"] = new JsonObject { ["id"] = pr.Number, ["url"] = pr.Url } });
        }
        catch (ApiException e)
        {
            return StepResult.Errored(e.Message, e.Terminal);
        }
    }
}
