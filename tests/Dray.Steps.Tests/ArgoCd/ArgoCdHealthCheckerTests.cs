using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model.Stages;
using Dray.Core.Stages.HealthChecks;
using Dray.Steps.ApiClients;
using Dray.Steps.ArgoCd;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Steps.Tests.ArgoCd;

/// <summary>The <c>argocd-update</c> health check against the swagger-checked fake Argo CD, and its per-app rules.</summary>
public sealed class ArgoCdHealthCheckerTests : IAsyncLifetime
{
    private static readonly JsonElement Config = JsonDocument.Parse("""{"apps":[{"namespace":"argocd","name":"web","desiredRevisions":["abc123"]}]}""").RootElement;
    private readonly FakeArgoCd _argo = new();
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
            ["source"] = new JsonObject { ["repoURL"] = "https://github.com/acme/deploy.git", ["path"] = "env/test", ["targetRevision"] = "abc123" },
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _argo.DisposeAsync();
        await _services.DisposeAsync();
    }

    private ValueTask<Health> CheckAsync() =>
        _services.GetServices<IHealthChecker>().Single(c => c.Name == "argocd-update")
            .CheckAsync(new HealthCheckContext("demo", "test", "test.01.abc"), Config, CancellationToken.None);

    private void Synced(string revision, string health, string? reconciledAt)
    {
        var status = _argo.Apps["web"]["status"]!;
        status["sync"] = new JsonObject { ["status"] = "Synced", ["revision"] = revision };
        status["health"] = new JsonObject { ["status"] = health };
        status["operationState"] = new JsonObject { ["phase"] = "Succeeded", ["startedAt"] = "2026-11-26T05:00:00Z", ["finishedAt"] = "2026-11-26T05:01:00Z" };
        if (reconciledAt is not null)
        {
            status["reconciledAt"] = reconciledAt;
        }
    }

    [Fact]
    public async Task A_reconciled_synced_healthy_app_is_healthy_with_its_status_as_output()
    {
        Synced("abc123", "Healthy", "2026-11-26T05:01:30Z");

        var health = await CheckAsync();

        health.Status.ShouldBe(HealthState.Healthy);
        health.Issues.ShouldBeNull();
        health.Output!.Value.GetRawText().ShouldBe("""{"appStatuses":[{"namespace":"argocd","name":"web","healthStatus":"Healthy","syncStatus":"Synced"}]}""");
        _argo.Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_app_not_reconciled_since_its_last_operation_is_not_trusted_yet()
    {
        Synced("abc123", "Healthy", "2026-11-26T05:00:30Z");

        var health = await CheckAsync();

        health.Status.ShouldBe(HealthState.Unknown);
        health.Issues!.Single().ShouldContain("not trusted yet");
    }

    [Fact]
    public async Task A_missing_app_or_server_is_unknown()
    {
        _argo.Apps.Remove("web");
        (await CheckAsync()).Status.ShouldBe(HealthState.Unknown);

        var unconfigured = new ArgoCdHealthChecker(_services.GetRequiredService<ArgoCdClientFactory>(), new ArgoCdStepOptions());
        var health = await unconfigured.CheckAsync(new HealthCheckContext("demo", "test", null), Config, CancellationToken.None);
        health.Issues!.Single().ShouldContain("no Argo CD server");
    }

    [Theory]
    [InlineData("abc123", "Healthy", null, HealthState.Healthy)]
    [InlineData("abc123", "Progressing", null, HealthState.Progressing)]
    [InlineData("abc123", "Suspended", null, HealthState.Progressing)]
    [InlineData("abc123", "Degraded", null, HealthState.Unhealthy)]
    [InlineData("abc123", "Missing", null, HealthState.Unhealthy)]
    [InlineData("old999", "Healthy", null, HealthState.Unhealthy)]
    [InlineData("abc123", "Healthy", "ComparisonError", HealthState.Unhealthy)]
    [InlineData("abc123", "Healthy", "SharedResourceWarning", HealthState.Healthy)]
    public void Per_app_rules(string revision, string health, string? condition, HealthState expected)
    {
        var app = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "web" },
            ["status"] = new JsonObject
            {
                ["health"] = new JsonObject { ["status"] = health },
                ["sync"] = new JsonObject { ["status"] = "Synced", ["revision"] = revision },
                ["conditions"] = condition is null ? null : new JsonArray(new JsonObject { ["type"] = condition, ["message"] = "boom" }),
            },
        };

        ArgoCdAppHealth.Assess("web", new ArgoCdApplication(app), ["abc123"]).State.ShouldBe(expected);
    }

    [Fact]
    public void A_running_sync_is_unknown_and_a_missing_app_is_unknown()
    {
        var app = new JsonObject { ["operation"] = new JsonObject { ["sync"] = new JsonObject() }, ["status"] = new JsonObject { ["health"] = new JsonObject { ["status"] = "Healthy" } } };
        ArgoCdAppHealth.Assess("web", new ArgoCdApplication(app), ["abc123"]).State.ShouldBe(HealthState.Unknown);
        ArgoCdAppHealth.Assess("web", null, []).State.ShouldBe(HealthState.Unknown);
    }
}
