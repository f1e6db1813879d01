using System.Text.Json.Nodes;
using Dray.Core.Model.Promotions;
using Dray.Core.Steps;
using Dray.Steps.ApiClients;
using Dray.Steps.ArgoCd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Steps.Tests.ArgoCd;

/// <summary>The argocd-update step end to end against the swagger-checked fake Argo CD.</summary>
public sealed class ArgoCdUpdateStepTests : IAsyncLifetime
{
    private const string Repo = "https://github.com/acme/deploy.git";

    private readonly FakeArgoCd _argo = new();
    private readonly StepHarness _harness = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddHostingSteps(
                new ArgoCdStepOptions { Server = _argo.Server.BaseUri, Token = FakeArgoCd.Token },
                new ApiTransportOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5) })
            .BuildServiceProvider();
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:test", new JsonObject
        {
            ["project"] = "default",
            ["source"] = new JsonObject { ["repoURL"] = Repo, ["path"] = "env/test", ["targetRevision"] = "main" },
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _argo.DisposeAsync();
        await _services.DisposeAsync();
        _harness.Dispose();
    }

    private ValueTask<StepResult> RunAsync(string config)
    {
        _services.GetRequiredService<PromotionStepRegistry>().TryGet("argocd-update", out var step).ShouldBeTrue();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T05:01:00Z", System.Globalization.CultureInfo.InvariantCulture));
        return step!.RunAsync(_harness.Context(config) with { TimeProvider = time }, CancellationToken.None);
    }

    private const string Config = $$"""
        {"apps":[{"name":"web","sources":[{"repoURL":"{{Repo}}","desiredRevision":"abc123","updateTargetRevision":true}]}]}
        """;

    [Fact]
    public async Task Runs_until_synced_and_healthy_then_registers_a_health_check()
    {
        var first = await RunAsync(Config);
        _argo.CompleteOperation("web", "Succeeded", ["abc123"], "Healthy");
        var done = await RunAsync(Config);

        first.Status.ShouldBe(PromotionStepStatus.Running);
        first.RetryAfter.ShouldBe(TimeSpan.FromSeconds(10));
        done.Status.ShouldBe(PromotionStepStatus.Succeeded);
        done.Outputs.ToJsonString().ShouldBe("""{"apps":[{"name":"web","namespace":"argocd"}]}""");
        var check = done.HealthChecks.ShouldHaveSingleItem();
        check.Uses.ShouldBe("argocd-update");
        check.Config!.Value.GetRawText().ShouldBe("""{"apps":[{"namespace":"argocd","name":"web","desiredRevisions":["abc123"]}]}""");
        _argo.Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_an_app_that_does_not_authorize_the_stage()
    {
        _argo.Apps["web"]["metadata"]!["annotations"]!["kargo.akuity.io/authorized-stage"] = "demo:prod";

        var result = await RunAsync(Config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldNotBeNull().ShouldContain("does not authorize Stage demo:test");
    }

    [Theory]
    [InlineData("""{"apps":[]}""", "apps")]
    [InlineData("""{"apps":[{"name":"web","selector":{"matchLabels":{"a":"b"}}}]}""", "exactly one of name or selector")]
    [InlineData("""{"apps":[{"name":"web","sources":[{"repoURL":"x","updateTargetRevision":true}]}]}""", "requires desiredRevision")]
    public async Task Invalid_config_is_a_terminal_failure(string config, string expected)
    {
        var result = await RunAsync(config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldNotBeNull().ShouldContain(expected);
        _argo.Server.Requests.ShouldBeEmpty();
    }
}
