using Dray.Core.Steps;
using Dray.Steps.Git;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Steps;

public static class GitStepsServiceCollectionExtensions
{
    /// <summary>git-clone, git-clear, git-commit and git-push. They need the shared <c>GitMirrorManager</c> registered.</summary>
    public static IServiceCollection AddGitSteps(this IServiceCollection services, GitStepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new GitStepOptions());
        services.TryAddSingleton<GitStepSupport>();
        return services
            .AddPromotionStep<GitCloneStep>("git-clone")
            .AddPromotionStep<GitClearStep>("git-clear")
            .AddPromotionStep<GitCommitStep>("git-commit")
            .AddPromotionStep<GitPushStep>("git-push");
    }
}
