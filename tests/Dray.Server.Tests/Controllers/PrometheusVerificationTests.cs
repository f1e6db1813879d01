using Dray.Server.Tests.Support;
using Dray.TestKit.Prometheus;
using static Dray.Server.Tests.Controllers.StageLifecycleFixture;

namespace Dray.Server.Tests.Controllers;

/// <summary>Stage verification through the <c>prometheus</c> provider against a real Prometheus.</summary>
public sealed class PrometheusVerificationTests(PrometheusServer prometheus) : IClassFixture<PrometheusServer>
{
    private const string FreightA = "cccccccccccccccccccccccccccccccccccccccc";

    [SkippableFact]
    public async Task Verification_passes_or_fails_on_a_prometheus_query()
    {
        prometheus.Target.Set("dray_stage_success_ratio{stage=\"dev\"}", 0.99);
        await prometheus.WaitForValueAsync("dray_stage_success_ratio", 0.99, TimeSpan.FromSeconds(45));
        var metric = "    successCondition: result[0] >= 0.95\n    provider:\n      prometheus:\n"
            + $"        address: \"{prometheus.BaseUri}\"\n        query: 'dray_stage_success_ratio{{stage=\"dev\"}}'\n";
        await using var host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        using var admin = await host.AdminAsync();
        await ApplyAsync(admin, StageManifests("prom", metric, "http://unused.invalid"));
        await ApplyAsync(admin, Freight("prom", FreightA, 3));

        var passed = await WaitAsync(admin, "/api/v1/projects/prom/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] is "Successful" or "Failed" or "Error" ? v : null, "the verification to finish");
        ((string?)passed["phase"]).ShouldBe("Successful", passed.ToJsonString());
        var run = await GetAsync(admin, $"/api/v1/projects/prom/analysisruns/{(string)passed["analysisRun"]!["name"]!}");
        ((string?)run["status"]!["metricResults"]![0]!["measurements"]![0]!["value"]).ShouldBe("[0.99]");

        prometheus.Target.Set("dray_stage_success_ratio{stage=\"dev\"}", 0.5);
        await prometheus.WaitForValueAsync("dray_stage_success_ratio", 0.5, TimeSpan.FromSeconds(45));
        (await PostAsync(admin, "/api/v1/projects/prom/stages/dev/verification")).IsSuccessStatusCode.ShouldBeTrue();
        var failed = await WaitAsync(admin, "/api/v1/projects/prom/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] is "Failed" or "Error" ? v : null, "the re-verification to fail");
        ((string?)failed["phase"]).ShouldBe("Failed", failed.ToJsonString());
        await WaitAsync(admin, $"/api/v1/projects/prom/freight/{FreightA}", f => f["status"]?["verifiedIn"]?["dev"] is null ? f : null, "verifiedIn.dev revoked");
    }
}
