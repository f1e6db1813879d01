using System.Net;
using System.Text.Json.Nodes;
using Dray.Server.Tests.Support;
using Dray.TestKit.Infrastructure;
using static Dray.Server.Tests.Controllers.StageLifecycleFixture;

namespace Dray.Server.Tests.Controllers;

/// <summary>
/// The Stage controller inside a real server (SQLite, all controllers running): auto-promotion from the change
/// feed, verification against a real HTTP endpoint, re-verify, abort, control-flow pass-through and holds.
/// </summary>
public sealed class StageLifecycleTests : IAsyncLifetime
{
    private const string FreightA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string FreightB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string WebMetric = """
            successCondition: result == "ok"
            provider:
              web:
                url: "{{ args.url }}"
                jsonPath: "{$.status}"
        """;

    private const string SlowWebMetric = """
            successCondition: result == "ok"
            interval: 1s
            count: 100000
            provider:
              web:
                url: "{{ args.url }}"
                jsonPath: "{$.status}"
        """;

    private volatile string _status = "ok";
    private LoopbackHttpServer _endpoint = null!;
    private ServerHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _endpoint = LoopbackHttpServer.Start(context =>
            LoopbackHttpServer.RespondAsync(context, 200, "application/json", $$"""{"status":"{{_status}}"}"""));
        _host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        _admin = await _host.AdminAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    private string Base => _endpoint.BaseUri.ToString().TrimEnd('/');

    [Fact]
    public async Task New_freight_is_auto_promoted_verified_against_a_live_endpoint_and_flows_downstream()
    {
        await ApplyAsync(_admin, StageManifests("flow", WebMetric, Base));
        await ApplyAsync(_admin, Freight("flow", FreightA, 1));

        var promotion = await WaitAsync(_admin, "/api/v1/projects/flow/promotions", l => Items(l).FirstOrDefault(p => (string?)p!["spec"]!["stage"] == "dev"), "a Promotion to dev");
        ((string?)promotion["spec"]!["freight"]).ShouldBe(FreightA);
        ((string?)promotion["metadata"]!["annotations"]!["kargo.akuity.io/create-actor"]).ShouldBe("controller:dray");
        var verification = await WaitAsync(_admin, "/api/v1/projects/flow/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] == "Successful" ? v : null, "dev verified");
        var runName = (string)verification["analysisRun"]!["name"]!;
        var run = await GetAsync(_admin, $"/api/v1/projects/flow/analysisruns/{runName}");
        ((string?)run["status"]!["phase"]).ShouldBe("Successful");
        ((string?)run["status"]!["metricResults"]![0]!["measurements"]![0]!["value"]).ShouldBe("ok");
        ((string?)run["metadata"]!["annotations"]!["kargo.akuity.io/promotion"]).ShouldBe((string?)promotion["metadata"]!["name"]);
        var freight = await WaitAsync(_admin, $"/api/v1/projects/flow/freight/{FreightA}", f => f["status"]?["verifiedIn"]?["dev"], "verifiedIn.dev");
        freight["verifiedAt"].ShouldNotBeNull();
        var dev = await WaitAsync(_admin, "/api/v1/projects/flow/stages/dev", s => ConditionState(s, "Ready") == "True/Ready" ? s : null, "dev to be ready");
        ((string?)Condition(dev, "Ready")!["message"]).ShouldBe($"Freight {FreightA} is healthy and verified");
        ((long?)Condition(dev, "Ready")!["observedGeneration"]).ShouldBe((long?)dev["metadata"]!["generation"]);
        ConditionState(dev, "Healthy").ShouldBe("True/Healthy");
        ConditionState(dev, "Verified").ShouldBe("True/VerificationSucceeded");
        ConditionState(dev, "Promoting").ShouldBe("absent");
        ConditionState(dev, "Reconciling").ShouldBe("absent");

        var downstream = await WaitAsync(_admin, "/api/v1/projects/flow/stages/uat", s => (string?)s["status"]?["freightSummary"] == FreightA ? s : null, "uat to take the Freight");
        ((bool?)downstream["status"]!["autoPromotionEnabled"]).ShouldBe(true);
        var uat = await WaitAsync(_admin, "/api/v1/projects/flow/stages/uat", s => ConditionState(s, "Ready") == "True/Ready" ? s : null, "uat to be ready");
        ConditionState(uat, "Verified").ShouldBe("True/NoVerification");
        var currentlyIn = await GetAsync(_admin, $"/api/v1/projects/flow/freight/{FreightA}");
        currentlyIn["status"]!["currentlyIn"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(["dev", "uat"]);
    }

    [Fact]
    public async Task A_failed_reverification_revokes_verified_in_and_each_run_is_its_own()
    {
        await ApplyAsync(_admin, StageManifests("again", WebMetric, Base));
        await ApplyAsync(_admin, Freight("again", FreightA, 1));
        var first = await WaitAsync(_admin, "/api/v1/projects/again/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] == "Successful" ? v : null, "first verification");
        await WaitAsync(_admin, $"/api/v1/projects/again/freight/{FreightA}", f => f["status"]?["verifiedIn"]?["dev"], "verifiedIn.dev");

        _status = "down";
        var response = await PostAsync(_admin, "/api/v1/projects/again/stages/dev/verification");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());

        var second = await WaitAsync(_admin, "/api/v1/projects/again/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] == "Failed" ? v : null, "the re-verification to fail");
        ((string?)second["id"]).ShouldNotBe((string?)first["id"]);
        ((string?)second["actor"]).ShouldBe("admin");
        ((string?)second["analysisRun"]!["name"]).ShouldNotBe((string?)first["analysisRun"]!["name"]);
        await WaitAsync(_admin, $"/api/v1/projects/again/freight/{FreightA}", f => f["status"]?["verifiedIn"]?["dev"] is null ? f : null, "verifiedIn.dev revoked");
        var stage = await GetAsync(_admin, "/api/v1/projects/again/stages/dev");
        ConditionState(stage, "Verified").ShouldBe("False/VerificationFailed");
        ConditionState(stage, "Ready").ShouldBe("False/VerificationFailed");
        ((string?)Condition(stage, "Ready")!["message"]).ShouldStartWith($"Verification {(string?)second["id"]} failed");
        stage["status"]!["freightHistory"]![0]!["verificationHistory"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Abort_stops_a_running_verification()
    {
        await ApplyAsync(_admin, StageManifests("halt", SlowWebMetric, Base));
        await ApplyAsync(_admin, Freight("halt", FreightA, 1));
        var running = await WaitAsync(_admin, "/api/v1/projects/halt/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] == "Running" ? s : null, "a running verification");
        ConditionState(running, "Reconciling").ShouldBe("True/Verifying");
        ConditionState(running, "Verified").ShouldBe("Unknown/Verifying");
        ConditionState(running, "Ready").ShouldBe("Unknown/Verifying");
        ConditionState(running, "Healthy").ShouldBe("True/Healthy");

        var refused = await PostAsync(_admin, "/api/v1/projects/halt/stages/dev/verification");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var response = await PostAsync(_admin, "/api/v1/projects/halt/stages/dev/verification/abort");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());

        var aborted = await WaitAsync(_admin, "/api/v1/projects/halt/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] == "Aborted" ? v : null, "the verification to abort");
        var run = await GetAsync(_admin, $"/api/v1/projects/halt/analysisruns/{(string)aborted["analysisRun"]!["name"]!}");
        ((bool?)run["spec"]!["terminate"]).ShouldBe(true);
        (await GetAsync(_admin, $"/api/v1/projects/halt/freight/{FreightA}"))["status"]?["verifiedIn"]?["dev"].ShouldBeNull();
        var stopped = await GetAsync(_admin, "/api/v1/projects/halt/stages/dev");
        ConditionState(stopped, "Verified").ShouldBe("False/VerificationAborted");
        ConditionState(stopped, "Ready").ShouldBe("False/VerificationAborted");
        ConditionState(stopped, "Reconciling").ShouldBe("absent");
    }

    [Fact]
    public async Task A_promotion_queued_behind_a_running_verification_shows_as_promoting_until_it_runs()
    {
        await ApplyAsync(_admin, StageManifests("queue", SlowWebMetric, Base));
        await ApplyAsync(_admin, Freight("queue", FreightA, 1));
        await WaitAsync(_admin, "/api/v1/projects/queue/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] == "Running" ? s : null, "a running verification");

        var queued = await PostAsync(_admin, "/api/v1/projects/queue/stages/dev/promotions", new { freight = FreightA });
        queued.StatusCode.ShouldBe(HttpStatusCode.Created, await queued.Content.ReadAsStringAsync());
        var name = (string?)JsonNode.Parse(await queued.Content.ReadAsStringAsync())!["metadata"]!["name"];
        var promoting = await WaitAsync(_admin, "/api/v1/projects/queue/stages/dev", s => Condition(s, "Promoting") is not null ? s : null, "Promoting");
        ConditionState(promoting, "Promoting").ShouldBe("True/ActivePromotion");
        ((string?)Condition(promoting, "Promoting")!["message"]).ShouldBe($"Promotion {name} of Freight {FreightA} is Pending");
        ConditionState(promoting, "Reconciling").ShouldBe("True/ActivePromotion");
        ConditionState(promoting, "Ready").ShouldBe("Unknown/ActivePromotion");

        var response = await PostAsync(_admin, "/api/v1/projects/queue/stages/dev/verification/abort");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var after = await WaitAsync(_admin, "/api/v1/projects/queue/stages/dev",
            s => (string?)s["status"]?["lastPromotion"]?["name"] == name && ConditionState(s, "Reconciling") == "True/Verifying" ? s : null,
            "the queued Promotion to finish and its verification to run");
        ConditionState(after, "Promoting").ShouldBe("absent");
        ConditionState(after, "Verified").ShouldBe("Unknown/Verifying");
        ConditionState(after, "Ready").ShouldBe("Unknown/Verifying");
    }

    [Fact]
    public async Task A_control_flow_stage_passes_freight_straight_through()
    {
        var yaml = ManifestText.Join(
            ManifestText.Project("junction"),
            """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: ProjectConfig
            metadata:
              name: junction
              namespace: junction
            spec:
              promotionPolicies:
              - stage: prod
                autoPromotionEnabled: true
            """,
            ManifestText.Warehouse("junction", "images"),
            Stage("junction", "gate", "direct: true", "", steps: false),
            Stage("junction", "prod", "stages: [gate]", ""));
        await ApplyAsync(_admin, yaml);
        await ApplyAsync(_admin, Freight("junction", FreightA, 1));

        await WaitAsync(_admin, $"/api/v1/projects/junction/freight/{FreightA}", f => f["status"]?["verifiedIn"]?["gate"], "verifiedIn.gate");
        var prod = await WaitAsync(_admin, "/api/v1/projects/junction/stages/prod", s => (string?)s["status"]?["freightSummary"] == FreightA ? s : null, "prod to take the Freight");
        ((string?)(await GetAsync(_admin, "/api/v1/projects/junction/stages/gate"))["status"]!["freightSummary"]).ShouldBe("N/A");
        prod["status"]!["lastPromotion"]!["name"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Promoting_older_freight_by_hand_holds_auto_promotion_and_promoting_the_newest_lifts_it()
    {
        await ApplyAsync(_admin, StageManifests("hold", WebMetric, Base));
        await ApplyAsync(_admin, Freight("hold", FreightA, 1));
        await ApplyAsync(_admin, Freight("hold", FreightB, 2));
        await WaitAsync(_admin, "/api/v1/projects/hold/stages/dev", s => (string?)s["status"]?["freightSummary"] == FreightB ? s : null, "dev to auto-promote the newest");

        var manual = await PostAsync(_admin, "/api/v1/projects/hold/stages/dev/promotions", new { freight = FreightA });
        manual.StatusCode.ShouldBe(HttpStatusCode.Created, await manual.Content.ReadAsStringAsync());

        var held = await WaitAsync(_admin, "/api/v1/projects/hold/stages/dev", s => s["status"]?["autoPromotionHolds"]?["Warehouse/images"], "a hold");
        ((string?)held["freightName"]).ShouldBe(FreightA);
        ((string?)held["actor"]).ShouldBe("admin");
        ((string?)(await GetAsync(_admin, "/api/v1/projects/hold/stages/dev"))["status"]!["freightSummary"]).ShouldBe(FreightA);

        var newest = await PostAsync(_admin, "/api/v1/projects/hold/stages/dev/promotions", new { warehouse = "images" });
        newest.StatusCode.ShouldBe(HttpStatusCode.Created, await newest.Content.ReadAsStringAsync());
        ((string?)JsonNode.Parse(await newest.Content.ReadAsStringAsync())!["spec"]!["freight"]).ShouldBe(FreightB);
        await WaitAsync(_admin, "/api/v1/projects/hold/stages/dev", s => (string?)s["status"]?["freightSummary"] == FreightB && s["status"]?["autoPromotionHolds"] is null ? s : null, "the hold to lift");
    }

    [Fact]
    public async Task Downstream_promotion_creates_a_promotion_for_each_stage_that_takes_the_freight()
    {
        await ApplyAsync(_admin, StageManifests("down", WebMetric, Base));
        await ApplyAsync(_admin, Freight("down", FreightA, 1));
        await WaitAsync(_admin, $"/api/v1/projects/down/freight/{FreightA}", f => f["status"]?["verifiedIn"]?["dev"], "verifiedIn.dev");

        var response = await PostAsync(_admin, "/api/v1/projects/down/stages/dev/promotions/downstream", new { freight = FreightA });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var stages = body["items"]!.AsArray().Select(p => (string?)p!["spec"]!["stage"]).ToList();
        stages.ShouldBe(["uat"]);
    }
}
