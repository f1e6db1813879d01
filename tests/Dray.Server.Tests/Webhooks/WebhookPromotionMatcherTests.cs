using System.Text.Json;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Server.Webhooks;

namespace Dray.Server.Tests.Webhooks;

public sealed class WebhookPromotionMatcherTests
{
    private static readonly WebhookEvent Merged = new(
        WebhookArtifactKind.PullRequest, ["https://github.com/example/app.git", "git@github.com:example/app.git"], null, "pull request #7 closed", PullRequest: 7);

    [Fact]
    public void Running_promotions_waiting_on_the_repository_are_selected_whatever_the_url_spelling()
    {
        Promotion[] promotions =
        [
            Waiting("same", """{"repoURL":"https://GitHub.com/example/app/","prNumber":7}"""),
            Waiting("ssh", """{"repoURL":"git@github.com:example/app","prNumber":7}"""),
            Waiting("other-repo", """{"repoURL":"https://github.com/example/other","prNumber":7}"""),
        ];

        WebhookPromotionMatcher.Match(promotions, Merged).ShouldBe(["same", "ssh"]);
    }

    [Theory]
    [InlineData("""{"repoURL":"https://github.com/example/app","prNumber":8}""", false)]
    [InlineData("""{"repoURL":"https://github.com/example/app","prNumber":"8"}""", false)]
    [InlineData("""{"repoURL":"https://github.com/example/app","prNumber":"7"}""", true)]
    [InlineData("""{"repoURL":"https://github.com/example/app","prNumber":"${{ outputs['open-pr'].pr.id }}"}""", true)]
    [InlineData("""{"repoURL":"${{ vars.repoURL }}","prNumber":"${{ outputs['open-pr'].pr.id }}"}""", true)]
    [InlineData("""{"repoURL":"${{ vars.repoURL }}","prNumber":8}""", false)]
    [InlineData("""{"prNumber":7}""", false)]
    public void The_pull_request_number_and_expressions_decide_as_far_as_they_are_known(string config, bool selected)
    {
        WebhookPromotionMatcher.Match([Waiting("p", config)], Merged).Contains("p").ShouldBe(selected);
    }

    [Fact]
    public void A_payload_without_a_number_wakes_every_promotion_waiting_on_the_repository()
    {
        WebhookPromotionMatcher.Match([Waiting("p", """{"repoURL":"https://github.com/example/app","prNumber":8}""")], Merged with { PullRequest = null })
            .ShouldBe(["p"]);
    }

    [Theory]
    [InlineData(PromotionPhase.Pending, 1)]
    [InlineData(PromotionPhase.Succeeded, 1)]
    [InlineData(PromotionPhase.Running, 0)]
    [InlineData(PromotionPhase.Running, 2)]
    public void Only_running_promotions_whose_current_step_waits_for_the_pr_are_selected(PromotionPhase phase, long currentStep)
    {
        var promotion = Waiting("p", """{"repoURL":"https://github.com/example/app","prNumber":7}""", phase, currentStep);

        WebhookPromotionMatcher.Match([promotion], Merged).ShouldBeEmpty();
    }

    /// <summary>Steps: git-open-pr, then git-wait-for-pr (index 1) with <paramref name="config"/>.</summary>
    private static Promotion Waiting(string name, string config, PromotionPhase phase = PromotionPhase.Running, long currentStep = 1) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p" },
        Spec = new PromotionSpec
        {
            Stage = "prod",
            Steps =
            [
                new PromotionStep { Uses = "git-open-pr", As = "open-pr", Config = JsonDocument.Parse("""{"repoURL":"https://github.com/example/app"}""").RootElement },
                new PromotionStep { Uses = "git-wait-for-pr", Config = JsonDocument.Parse(config).RootElement },
            ],
        },
        Status = new PromotionStatus { Phase = phase, CurrentStep = currentStep },
    };
}
