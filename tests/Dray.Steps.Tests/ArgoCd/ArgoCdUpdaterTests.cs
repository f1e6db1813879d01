using System.Text.Json.Nodes;
using Dray.Steps.ApiClients;
using Dray.Steps.ArgoCd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Steps.Tests.ArgoCd;

/// <summary>argocd-update's poll logic against a fake Argo CD that checks requests against Argo CD's swagger.</summary>
public sealed class ArgoCdUpdaterTests : IAsyncLifetime
{
    private const string Repo = "https://github.com/acme/deploy.git";
    private const string Promotion = "test.01jq.abc";

    private readonly FakeArgoCd _argo = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T05:00:30Z", System.Globalization.CultureInfo.InvariantCulture));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _argo.DisposeAsync();

    private static JsonObject SingleSource() => new()
    {
        ["project"] = "default",
        ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = "web" },
        ["source"] = new JsonObject
        {
            ["repoURL"] = Repo,
            ["path"] = "env/test",
            ["targetRevision"] = "main",
            ["kustomize"] = new JsonObject { ["images"] = new JsonArray("nginx:1.0", "redis:7") },
        },
    };

    private static ArgoCdSourceUpdate Update(string revision = "abc123") => new()
    {
        RepoUrl = Repo,
        DesiredRevision = revision,
        UpdateTargetRevision = true,
        KustomizeImages = [new ArgoCdKustomizeImage("nginx", Tag: "1.2.3")],
    };

    private ArgoCdUpdater Updater(string? token = FakeArgoCd.Token)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(TimeProvider.System)
            .AddArgoCdClient(new ApiTransportOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50) })
            .BuildServiceProvider();
        var client = services.GetRequiredService<ArgoCdClientFactory>().Create(new ArgoCdConnection(_argo.Server.BaseUri, token));
        return new ArgoCdUpdater(client, _time);
    }

    private static Task<ArgoCdUpdateOutcome> AdvanceAsync(ArgoCdUpdater updater, params ArgoCdAppTarget[] targets) =>
        updater.AdvanceAsync(targets, "demo", "test", Promotion, TimeSpan.FromMinutes(5), CancellationToken.None);

    private static ArgoCdAppTarget Named(string name, params ArgoCdSourceUpdate[] updates) => new(name, "argocd", null, updates);

    [Fact]
    public async Task Update_patches_the_source_syncs_then_waits_for_the_operation_and_health()
    {
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:test", SingleSource());
        var updater = Updater();

        var started = await AdvanceAsync(updater, Named("web", Update()));
        var running = await AdvanceAsync(updater, Named("web", Update()));
        _argo.CompleteOperation("web", "Succeeded", ["abc123"], "Progressing");
        var progressing = await AdvanceAsync(updater, Named("web", Update()));
        _argo.SetHealth("web", "Healthy");
        var done = await AdvanceAsync(updater, Named("web", Update()));

        started.State.ShouldBe(ArgoCdUpdateState.Waiting);
        started.Message.ShouldContain("sync started");
        running.State.ShouldBe(ArgoCdUpdateState.Waiting);
        running.Message.ShouldContain("Running");
        progressing.State.ShouldBe(ArgoCdUpdateState.Waiting);
        progressing.Message.ShouldContain("Progressing");
        done.State.ShouldBe(ArgoCdUpdateState.Done);
        var app = done.Apps.ShouldHaveSingleItem();
        (app.Name, app.Namespace).ShouldBe(("web", "argocd"));
        app.DesiredRevisions.ShouldBe(["abc123"]);

        var source = _argo.Apps["web"]["spec"]!["source"]!;
        ((string?)source["targetRevision"]).ShouldBe("abc123");
        source["kustomize"]!["images"]!.ToJsonString().ShouldBe("""["nginx:1.2.3","redis:7"]""");
        var sync = _argo.Server.Requests.Single(r => r.Method == "POST");
        ((string?)sync.Body!["revision"]).ShouldBe("abc123");
        sync.Body!["infos"]!.ToJsonString().ShouldBe($$"""[{"name":"kargo.akuity.io/promotion","value":"{{Promotion}}"}]""");
        _argo.Server.Requests.Count(r => r.Method == "PATCH").ShouldBe(1);
        _argo.Server.Requests.ShouldAllBe(r => r.Method != "GET" || r.Path != "/api/v1/applications/web" || r.Query["appNamespace"] == "argocd");
        _argo.Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_app_that_does_not_authorize_the_stage_is_refused_and_untouched()
    {
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:prod,other:test", SingleSource());

        var outcome = await AdvanceAsync(Updater(), Named("web", Update()));

        outcome.State.ShouldBe(ArgoCdUpdateState.Failed);
        outcome.Terminal.ShouldBeTrue();
        outcome.Message.ShouldContain("kargo.akuity.io/authorized-stage");
        outcome.Message.ShouldContain("\"demo:test\"");
        _argo.Server.Requests.ShouldAllBe(r => r.Method == "GET");
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:test", SingleSource());
        _argo.TransientFailures = 2;

        var outcome = await AdvanceAsync(Updater(), Named("web", Update()));

        outcome.State.ShouldBe(ArgoCdUpdateState.Waiting);
        outcome.Message.ShouldContain("sync started");
        _argo.Server.Requests.Count(r => r.Method == "GET").ShouldBe(3);
        _argo.Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_token_is_a_terminal_error_that_does_not_show_the_token()
    {
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:test", SingleSource());

        var e = await Should.ThrowAsync<ApiException>(() => AdvanceAsync(Updater("wrong-TOKEN-zz"), Named("web", Update())));

        e.Terminal.ShouldBeTrue();
        e.Message.ShouldContain("HTTP 401");
        e.Message.ShouldNotContain("wrong-TOKEN-zz");
    }

    [Fact]
    public async Task Another_partys_operation_is_waited_for_without_changing_the_app()
    {
        var app = FakeArgoCd.App("web", "demo:test", SingleSource());
        app["operation"] = new JsonObject { ["sync"] = new JsonObject { ["revision"] = "zzz" } };
        app["status"]!["operationState"] = new JsonObject { ["phase"] = "Running", ["startedAt"] = "2026-11-26T05:00:00Z" };
        _argo.Apps["web"] = app;

        var outcome = await AdvanceAsync(Updater(), Named("web", Update()));

        outcome.State.ShouldBe(ArgoCdUpdateState.Waiting);
        outcome.Message.ShouldContain("another party");
        _argo.Server.Requests.ShouldAllBe(r => r.Method == "GET");
    }

    [Fact]
    public async Task A_sync_to_the_wrong_revision_fails()
    {
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:test", SingleSource());
        var updater = Updater();
        await AdvanceAsync(updater, Named("web", Update()));
        _argo.CompleteOperation("web", "Succeeded", ["fffff"], "Healthy");

        var outcome = await AdvanceAsync(updater, Named("web", Update()));

        outcome.State.ShouldBe(ArgoCdUpdateState.Failed);
        outcome.Message.ShouldContain("not the desired [abc123]");
    }

    [Fact]
    public async Task Waiting_beyond_the_timeout_fails()
    {
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:test", SingleSource());
        var updater = Updater();
        await AdvanceAsync(updater, Named("web", Update()));
        _time.Advance(TimeSpan.FromMinutes(4));
        var inTime = await AdvanceAsync(updater, Named("web", Update()));
        _time.Advance(TimeSpan.FromMinutes(2));

        var late = await AdvanceAsync(updater, Named("web", Update()));

        inTime.State.ShouldBe(ArgoCdUpdateState.Waiting);
        late.State.ShouldBe(ArgoCdUpdateState.Failed);
        late.Message.ShouldContain("within 00:05:00");
    }

    [Fact]
    public async Task Multi_source_apps_get_helm_parameters_and_per_source_revisions()
    {
        var spec = new JsonObject
        {
            ["project"] = "default",
            ["sources"] = new JsonArray(
                new JsonObject { ["repoURL"] = "https://charts.example/", ["chart"] = "web", ["targetRevision"] = "1.0.0", ["helm"] = new JsonObject { ["parameters"] = new JsonArray(new JsonObject { ["name"] = "image.tag", ["value"] = "old" }) } },
                new JsonObject { ["repoURL"] = Repo, ["path"] = "values", ["targetRevision"] = "main" }),
        };
        _argo.Apps["web"] = FakeArgoCd.App("web", "demo:test", spec);
        var chart = new ArgoCdSourceUpdate
        {
            RepoUrl = "https://charts.example/", Chart = "web", DesiredRevision = "1.1.0", UpdateTargetRevision = true,
            HelmParameters = [new ArgoCdHelmParameter("image.tag", "2.0"), new ArgoCdHelmParameter("replicas", "3")],
        };

        var outcome = await AdvanceAsync(Updater(), Named("web", chart));

        outcome.State.ShouldBe(ArgoCdUpdateState.Waiting);
        var sources = (JsonArray)_argo.Apps["web"]["spec"]!["sources"]!;
        ((string?)sources[0]!["targetRevision"]).ShouldBe("1.1.0");
        sources[0]!["helm"]!["parameters"]!.ToJsonString().ShouldBe("""[{"name":"image.tag","value":"2.0"},{"name":"replicas","value":"3"}]""");
        ((string?)sources[1]!["targetRevision"]).ShouldBe("main");
        var sync = _argo.Server.Requests.Single(r => r.Method == "POST").Body!;
        sync["revisions"]!.ToJsonString().ShouldBe("""["1.1.0",""]""");
        sync["sourcePositions"]!.ToJsonString().ShouldBe("""["1","2"]""");
        _argo.Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Selected_apps_must_all_accept_the_update_before_any_is_changed()
    {
        _argo.Apps["web-a"] = FakeArgoCd.App("web-a", "demo:test", SingleSource());
        var other = SingleSource();
        other["source"]!["repoURL"] = "https://github.com/acme/other.git";
        _argo.Apps["web-b"] = FakeArgoCd.App("web-b", "demo:test", other);

        var outcome = await AdvanceAsync(Updater(), new ArgoCdAppTarget(null, "argocd", new Dictionary<string, string> { ["team"] = "web" }, [Update()]));

        outcome.State.ShouldBe(ArgoCdUpdateState.Failed);
        outcome.Terminal.ShouldBeTrue();
        outcome.Message.ShouldContain("web-b has no source with repoURL");
        _argo.Server.Requests.ShouldAllBe(r => r.Method == "GET");
        _argo.Server.Violations.ShouldBeEmpty();
    }
}
