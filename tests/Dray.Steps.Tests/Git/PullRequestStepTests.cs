using Dray.Core.Model.Promotions;
using Dray.Core.Steps;
using Dray.Steps.ApiClients;
using Dray.Steps.Git;
using Dray.Steps.Tests.Contracts;
using Dray.Steps.Tests.PullRequests;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Steps.Tests.Git;

/// <summary>git-open-pr, git-wait-for-pr and git-merge-pr against a fake Gitea checked against its swagger.</summary>
public sealed class PullRequestStepTests : IAsyncLifetime
{
    private const string Token = "gitea-TOKEN-91ab";

    private readonly FakeRepository _repo = new();
    private readonly StepHarness _harness = new();
    private readonly GitCredentials _secrets = new(Token);
    private ContractServer _server = null!;
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _server = new ContractServer(FakeGitea.Spec, null, r =>
            r.Headers["Authorization"] == $"token {Token}" ? FakeGitea.Handle(_repo, r) : FakeGitea.Error(401, "token is required"));
        _services = new ServiceCollection()
            .AddHostingSteps(transport: new ApiTransportOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5) })
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
        _harness.Dispose();
    }

    private string RepoUrl => $"{_server.BaseUri}acme/deploy.git";

    private ValueTask<StepResult> RunAsync(string step, string config)
    {
        _services.GetRequiredService<PromotionStepRegistry>().TryGet(step, out var instance).ShouldBeTrue();
        return instance!.RunAsync(_harness.Context(config) with { Secrets = _secrets }, CancellationToken.None);
    }

    [Fact]
    public async Task Open_pr_creates_a_pull_request_with_the_project_credentials()
    {
        var result = await RunAsync("git-open-pr", $$"""{"repoURL":"{{RepoUrl}}","provider":"gitea","sourceBranch":"kargo/test","targetBranch":"main","title":"Promote","labels":["promotion"]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded);
        result.Outputs.ToJsonString().ShouldBe("""{"pr":{"id":1,"url":"https://gitea.example/acme/deploy/pulls/1"}}""");
        _repo.Find(1)!.Labels.ShouldBe(["promotion"]);
        _secrets.Lookups.ShouldBe([("git", RepoUrl)]);
        _server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Open_pr_reuses_the_open_pull_request()
    {
        _repo.Add("kargo/test", "main");

        var result = await RunAsync("git-open-pr", $$"""{"repoURL":"{{RepoUrl}}","provider":"gitea","sourceBranch":"kargo/test","targetBranch":"main"}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded);
        ((long)result.Outputs["pr"]!["id"]!).ShouldBe(1);
        _repo.PullRequests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"provider":"gitea","sourceBranch":"a","targetBranch":"main"}""", "repoURL")]
    [InlineData("""{"repoURL":"https://git.example/a/b","provider":"sourcehut","sourceBranch":"a","targetBranch":"main"}""", "unknown provider")]
    [InlineData("""{"repoURL":"https://git.example/a/b","sourceBranch":"a","targetBranch":"main"}""", "set provider")]
    public async Task Open_pr_rejects_bad_config_terminally(string config, string expected)
    {
        var result = await RunAsync("git-open-pr", config);

        result.Status.ShouldBeOneOf(PromotionStepStatus.Failed, PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public async Task Wait_for_pr_runs_while_open_and_succeeds_with_the_merge_commit()
    {
        var pr = _repo.Add("kargo/test", "main");
        var config = $$"""{"repoURL":"{{RepoUrl}}","provider":"gitea","prNumber":1,"pollInterval":"5s"}""";

        var open = await RunAsync("git-wait-for-pr", config);
        FakeRepository.Merge(pr);
        var merged = await RunAsync("git-wait-for-pr", config);

        open.Status.ShouldBe(PromotionStepStatus.Running);
        open.RetryAfter.ShouldBe(TimeSpan.FromSeconds(10)); // 5s is below the 10s floor
        merged.Status.ShouldBe(PromotionStepStatus.Succeeded);
        ((string?)merged.Outputs["commit"]).ShouldBe(FakeRepository.MergeCommit);
        merged.Outputs["pr"]!.ToJsonString().ShouldBe("""{"id":1,"url":"https://gitea.example/acme/deploy/pulls/1","open":false,"merged":true}""");
    }

    [Fact]
    public async Task Wait_for_pr_fails_terminally_when_closed_unmerged()
    {
        _repo.Add("kargo/test", "main", "closed");

        var result = await RunAsync("git-wait-for-pr", $$"""{"repoURL":"{{RepoUrl}}","provider":"gitea","prNumber":1}""");

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
    }

    [Fact]
    public async Task Wait_for_pr_reports_a_missing_pull_request_terminally_without_the_token()
    {
        var result = await RunAsync("git-wait-for-pr", $$"""{"repoURL":"{{RepoUrl}}","provider":"gitea","prNumber":9}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldNotBeNull().ShouldContain("HTTP 404");
        result.Message.ShouldNotContain(Token);
    }

    [Fact]
    public async Task Merge_pr_merges_and_outputs_the_commit()
    {
        _repo.Add("kargo/test", "main");

        var result = await RunAsync("git-merge-pr", $$"""{"repoURL":"{{RepoUrl}}","provider":"gitea","prNumber":1,"mergeMethod":"squash"}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded);
        ((string?)result.Outputs["commit"]).ShouldBe(FakeRepository.MergeCommit);
        _server.Requests.Single(r => r.Method == "POST").Body!["do"]!.GetValue<string>().ShouldBe("squash");
        _server.Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true, PromotionStepStatus.Running)]
    [InlineData(false, PromotionStepStatus.Failed)]
    public async Task Merge_pr_of_an_unmergeable_pull_request_waits_only_when_asked(bool wait, PromotionStepStatus expected)
    {
        _repo.Add("kargo/test", "main").Mergeable = false;

        var result = await RunAsync("git-merge-pr", $$"""{"repoURL":"{{RepoUrl}}","provider":"gitea","prNumber":1,"wait":{{(wait ? "true" : "false")}}}""");

        result.Status.ShouldBe(expected);
        result.Message.ShouldNotBeNull().ShouldContain("cannot be merged yet");
        _repo.Find(1)!.State.ShouldBe("open");
    }
}
