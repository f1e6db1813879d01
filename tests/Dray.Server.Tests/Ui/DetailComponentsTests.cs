using Bunit;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Server.Actions;
using Dray.Server.Ui.Components;
using Dray.Server.Ui.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Server.Tests.Ui;

/// <summary>The detail views: Promotion steps, verification metrics, Freight artifacts and journey, assembling Freight.</summary>
public sealed class DetailComponentsTests : UiTestContext
{
    public DetailComponentsTests() => Bunit.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(UiModels.Now));

    [Fact]
    public void Promotion_steps_show_status_as_text_duration_message_and_redacted_outputs()
    {
        var promotion = new Promotion
        {
            Metadata = new ObjectMeta { Name = "dev.01.abc", Namespace = "demo" },
            Spec = new PromotionSpec
            {
                Stage = "dev",
                Steps =
                [
                    new PromotionStep { Uses = "git-clone", As = "clone", Config = UiModels.Json("""{"repoURL":"https://bot:hunter2@git.example/app.git"}""") },
                    new PromotionStep { Uses = "http", Config = UiModels.Json("""{"url":"https://example/api","headers":[{"name":"Authorization","value":"Bearer s3cret"}]}""") },
                    new PromotionStep { Uses = "git-push" },
                ],
            },
            Status = new PromotionStatus
            {
                Phase = PromotionPhase.Running,
                StepExecutionMetadata =
                [
                    new StepExecutionMetadata { Alias = "clone", Status = PromotionStepStatus.Succeeded, StartedAt = UiModels.Now.AddSeconds(-90), FinishedAt = UiModels.Now.AddSeconds(-78) },
                    new StepExecutionMetadata { Alias = "step-2", Status = PromotionStepStatus.Running, StartedAt = UiModels.Now.AddSeconds(-3), Message = "waiting for https://u:pw@example/x" },
                ],
                State = UiModels.Json("""{"clone":{"commit":"abc123","token":"ghp_verysecret"}}"""),
            },
        };

        var cut = Render<PromotionSteps>(p => p.Add(c => c.Steps, StepRow.From(promotion)));

        cut.FindAll("tr[data-step] .dray-mark").Select(m => m.TextContent.Trim()).ShouldBe(["Succeeded", "Running", "Not started"]);
        cut.Find("tr[data-step=clone]").TextContent.ShouldContain("12s");
        cut.Find("tr[data-step=step-2]").TextContent.ShouldContain("3s", customMessage: "a running step counts up to now");
        cut.Find("tr[data-step=step-2]").TextContent.ShouldContain("waiting for https://u:*** REDACTED ***@example/x");
        cut.Find("pre[data-outputs=clone]").TextContent.ShouldContain("abc123");
        cut.Markup.ShouldNotContain("ghp_verysecret");
        cut.Markup.ShouldNotContain("hunter2");
        cut.Markup.ShouldContain("git.example/app.git");
    }

    [Fact]
    public void Verification_metrics_list_each_measurement_and_verdict()
    {
        MetricResult[] metrics =
        [
            new()
            {
                Name = "error-rate", Phase = AnalysisPhase.Failed, Successful = 1, Failed = 2,
                Measurements =
                [
                    new Measurement { Phase = AnalysisPhase.Successful, Value = "0.01", StartedAt = UiModels.Now.AddMinutes(-2) },
                    new Measurement { Phase = AnalysisPhase.Failed, Value = "0.31", StartedAt = UiModels.Now.AddMinutes(-1) },
                ],
            },
            new() { Name = "latency", Phase = AnalysisPhase.Running },
        ];

        var cut = Render<VerificationMetrics>(p => p.Add(c => c.Metrics, metrics));

        var errorRate = cut.Find("[data-metric=error-rate]");
        errorRate.TextContent.ShouldContain("1 successful · 2 failed");
        errorRate.QuerySelectorAll("tr[data-measurement]").Select(r => r.TextContent).ShouldSatisfyAllConditions(
            rows => rows.Count().ShouldBe(2),
            rows => rows.Last().ShouldContain("0.31"),
            rows => rows.Last().ShouldContain("Failed"));
        cut.Find("[data-metric=latency]").TextContent.ShouldContain("Running");
    }

    [Fact]
    public void Freight_artifacts_link_commits_and_image_sources_without_credentials()
    {
        var freight = UiModels.Freight("f1", "brave-otter") with
        {
            Commits = [new GitCommit { RepoURL = "https://bot:pw@git.example/team/app.git", Id = "0123456789abcdef0123", Message = "Fix login" }],
            Images =
            [
                new Image
                {
                    RepoURL = "registry.example/app", Tag = "1.2.3", Digest = "sha256:" + new string('a', 64),
                    Annotations = new Dictionary<string, string> { [ArtifactLinks.SourceAnnotation] = "https://git.example/team/app", [ArtifactLinks.RevisionAnnotation] = "fedcba" },
                },
            ],
            Charts = [new Chart { RepoURL = "oci://charts.example/app", Version = "0.4.0" }],
        };

        var cut = Render<FreightArtifacts>(p => p.Add(c => c.Freight, freight));

        cut.Find("tr[data-artifact=commit] a").GetAttribute("href").ShouldBe("https://git.example/team/app/commit/0123456789abcdef0123");
        cut.Find("tr[data-artifact=commit]").TextContent.ShouldContain("Fix login");
        cut.Find(".dray-image-ref").TextContent.ShouldBe("registry.example/app:1.2.3@sha256:" + new string('a', 64));
        cut.FindAll("tr[data-artifact=image] a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["https://git.example/team/app", "https://git.example/team/app/commit/fedcba"]);
        cut.Find("tr[data-artifact=chart]").TextContent.ShouldContain("0.4.0");
        cut.Markup.ShouldNotContain("bot:pw");
    }

    [Fact]
    public void Freight_journey_says_where_and_since_when()
    {
        var freight = UiModels.Freight("f1", "brave-otter", new FreightStatus
        {
            CurrentlyIn = new Dictionary<string, CurrentStage> { ["dev"] = new() { Since = UiModels.Now.AddHours(-3) } },
            VerifiedIn = new Dictionary<string, VerifiedStage> { ["dev"] = new() { VerifiedAt = UiModels.Now.AddHours(-2), LongestSoak = "1h0m0s" } },
            ApprovedFor = new Dictionary<string, ApprovedStage> { ["prod"] = new() { ApprovedAt = UiModels.Now.AddMinutes(-10) } },
        });

        var cut = Render<FreightJourney>(p => p.Add(c => c.Freight, freight));

        cut.Find("tr[data-journey='in:dev']").TextContent.ShouldContain("3h ago");
        cut.Find("tr[data-journey='verified:dev']").TextContent.ShouldContain("longest soak 1h0m0s");
        cut.Find("tr[data-journey='approved:prod']").TextContent.ShouldContain("10m ago");
        cut.FindAll(".dray-mark").ShouldAllBe(m => m.QuerySelector("svg") != null);
    }

    [Fact]
    public void Assemble_form_reports_one_pick_per_subscription()
    {
        IReadOnlyList<int>? picked = null;
        SubscriptionChoices[] choices = [new("image \"registry.example/app\"", ["1.2.3 (aaaa)", "1.2.2 (bbbb)"]), new("git \"https://git.example/cfg\"", ["0123 main Fix"])];

        var cut = Render<AssembleFreightForm>(p => p.Add(c => c.Choices, choices).Add(c => c.CanAct, true).Add(c => c.OnAssemble, (IReadOnlyList<int> v) => picked = v));
        cut.Find("[data-subscription='0']").QuerySelectorAll("input[type=radio]")[1].Click();
        cut.Find("button[data-action=assemble]").Click();

        picked.ShouldBe([1, 0]);
    }

    [Fact]
    public void Assemble_is_disabled_while_a_subscription_has_nothing_and_hidden_from_viewers()
    {
        SubscriptionChoices[] choices = [new("image \"registry.example/app\"", [])];

        var promoter = Render<AssembleFreightForm>(p => p.Add(c => c.Choices, choices).Add(c => c.CanAct, true));
        var viewer = Render<AssembleFreightForm>(p => p.Add(c => c.Choices, choices).Add(c => c.CanAct, false));

        promoter.Find("button[data-action=assemble]").HasAttribute("disabled").ShouldBeTrue();
        promoter.Markup.ShouldContain("Nothing discovered yet.");
        viewer.FindAll("button").ShouldBeEmpty();
    }
}
