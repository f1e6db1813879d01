using Dray.Core.Steps;
using Dray.Sources.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Steps.Tests;

public sealed class GitStepsServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_the_four_git_steps_under_their_Kargo_names_and_resolves_them()
    {
        using var data = new TempDirectory("dray-gitsteps-di-");
        using var provider = new ServiceCollection()
            .AddSingleton(new GitMirrorOptions { DataDirectory = data.Path })
            .AddSingleton<GitMirrorManager>()
            .AddGitSteps()
            .BuildServiceProvider();
        var registry = provider.GetRequiredService<PromotionStepRegistry>();

        registry.Names.ShouldBe(["git-clear", "git-clone", "git-commit", "git-push"]);
        foreach (var name in registry.Names)
        {
            var schema = registry.Schema(name).ShouldNotBeNull(name);
            schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse(name);
            registry.TryGet(name, out var step).ShouldBeTrue(name);
            step.ShouldNotBeNull(name);
        }
    }
}
