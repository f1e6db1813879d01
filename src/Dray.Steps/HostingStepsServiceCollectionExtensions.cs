using Dray.Core.Stages.HealthChecks;
using Dray.Core.Steps;
using Dray.Steps.ApiClients;
using Dray.Steps.ArgoCd;
using Dray.Steps.Git;
using Dray.Steps.PullRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Steps;

public static class HostingStepsServiceCollectionExtensions
{
    /// <summary>git-open-pr, git-wait-for-pr, git-merge-pr and argocd-update, with their API clients.</summary>
    public static IServiceCollection AddHostingSteps(
        this IServiceCollection services, ArgoCdStepOptions? argoCd = null, ApiTransportOptions? transport = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPullRequestProviders(transport).AddArgoCdClient(transport);
        services.TryAddSingleton(argoCd ?? new ArgoCdStepOptions());
        services.TryAddSingleton<PullRequestStepSupport>();
        services.AddSingleton<IHealthChecker, ArgoCdHealthChecker>();
        return services
            .AddPromotionStep<GitOpenPrStep>("git-open-pr")
            .AddPromotionStep<GitWaitForPrStep>("git-wait-for-pr")
            .AddPromotionStep<GitMergePrStep>("git-merge-pr")
            .AddPromotionStep<ArgoCdUpdateStep>("argocd-update");
    }
}
