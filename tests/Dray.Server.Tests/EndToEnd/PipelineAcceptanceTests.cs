using System.Net;
using System.Text.Json.Nodes;
using Dray.Server.Tests.Support;
using Dray.Steps.ArgoCd;
using Dray.Steps.Tests.ArgoCd;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;
using Microsoft.Extensions.DependencyInjection;
using static Dray.Server.Tests.Controllers.StageLifecycleFixture;

namespace Dray.Server.Tests.EndToEnd;

/// <summary>
/// The end-to-end acceptance of issue 5: the seed's manifests in a real server (all controllers) against a real
/// registry, a real git server with Basic auth, a live HTTP verification endpoint and the spec-checked Argo CD double:
/// discovery, promotion with verification, approval, auto-promotion of new Freight, and a rollback of prod.
/// </summary>
public sealed class PipelineAcceptanceTests(GitHttpServer git, AnonymousOciRegistry registry)
    : IClassFixture<GitHttpServer>, IClassFixture<AnonymousOciRegistry>, IAsyncLifetime
{
    private const string Project = "/api/v1/projects/kargo-demo";
    private const string Overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../base\n";

    private readonly FakeArgoCd _argo = new();
    private readonly CancellationTokenSource _stop = new();
    private LoopbackHttpServer _endpoint = null!;
    private ServerHost _host = null!;
    private HttpClient _admin = null!;
    private Task _argoController = Task.CompletedTask;

    private string Image => $"{registry.Host}/library/nginx";

    public async Task InitializeAsync()
    {
        _endpoint = LoopbackHttpServer.Start(context => LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"status":"ok"}"""));
        _argo.StartedAt = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var stage in new[] { "dev", "uat", "prod" })
        {
            _argo.Apps[$"nginx-{stage}"] = FakeArgoCd.App($"nginx-{stage}", $"kargo-demo:{stage}", new JsonObject
            {
                ["source"] = new JsonObject { ["repoURL"] = git.RepoUrl("gitops"), ["path"] = $"overlays/{stage}", ["targetRevision"] = "main" },
            });
        }

        // Stands in for Argo CD's application controller: every sync Dray starts finishes and the app reconciles.
        _argoController = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                _argo.CompleteRunningOperations();
            }
        });
        var argoOptions = new ArgoCdStepOptions { Server = _argo.Server.BaseUri, Token = FakeArgoCd.Token, PollInterval = TimeSpan.FromMilliseconds(100) };
        _host = await ServerHost.StartAsync(tweak: o => o.Controllers = true, configure: b => b.Services.AddSingleton(argoOptions));
        _admin = await _host.AdminAsync();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _argoController.ContinueWith(_ => { }, TaskScheduler.Default);
        _admin.Dispose();
        await _host.DisposeAsync();
        await _endpoint.DisposeAsync();
        await _argo.DisposeAsync();
        _stop.Dispose();
    }

    [SkippableFact]
    public async Task Seed_pipeline_discovers_promotes_verifies_auto_promotes_and_rolls_back_prod()
    {
        // 1. nginx 1.24.0 in the registry; the seed with GITOPS_REPO_URL at the git server.
        await PushAsync("1.24.0", 1);
        await SeedGitOpsRepoAsync();
        await ApplyAsync(_admin, SeedManifests());
        await AddDevVerificationAsync();

        // 2. Freight appears; promoting it to dev commits overlays/dev and is verified against the live endpoint.
        var old = await WaitForFreightAsync("1.24.0");
        var before = await RemoteAsync("rev-parse", "main");
        await PromoteAsync("dev", old);
        (await RemoteAsync("rev-parse", "main~1")).ShouldBe(before);
        (await RemoteAsync("diff", "--name-only", "main~1", "main")).ShouldBe("overlays/dev/kustomization.yaml");
        await WaitAsync(_admin, $"{Project}/freight/{old}", f => f["status"]?["verifiedIn"]?["dev"], "verifiedIn.dev");
        var verification = await WaitAsync(_admin, $"{Project}/stages/dev", s => LatestVerification(s) is { } v && (string?)v["phase"] == "Successful" ? v : null, "dev verified");
        var run = await GetAsync(_admin, $"{Project}/analysisruns/{(string)verification["analysisRun"]!["name"]!}");
        ((string?)run["status"]!["metricResults"]![0]!["measurements"]![0]!["value"]).ShouldBe("ok");

        // 3. uat, approval for prod, prod.
        await PromoteAsync("uat", old);
        await WaitAsync(_admin, $"{Project}/freight/{old}", f => f["status"]?["verifiedIn"]?["uat"], "verifiedIn.uat");
        var approved = await PostAsync(_admin, $"{Project}/freight/{old}/approve?stage=prod");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await GetAsync(_admin, $"{Project}/freight/{old}"))["status"]!["approvedFor"]!["prod"].ShouldNotBeNull();
        await PromoteAsync("prod", old);
        (await ShowAsync("prod")).ShouldContain("newTag: 1.24.0");

        // 4. dev auto-promotes; nginx 1.25.0 is pushed and a refresh (not the interval) discovers it.
        await ApplyAsync(_admin, AutoPromoteDev);
        await PushAsync("1.25.0", 2);
        (await PostAsync(_admin, $"{Project}/warehouses/docker-registry/refresh")).IsSuccessStatusCode.ShouldBeTrue();
        var fresh = await WaitForFreightAsync("1.25.0");
        await WaitAsync(_admin, $"{Project}/stages/dev", s => (string?)s["status"]?["freightSummary"] == fresh ? s : null, "dev to auto-promote 1.25.0");
        var auto = await WaitAsync(_admin, $"{Project}/promotions", l => Items(l).FirstOrDefault(p => (string?)p!["spec"]!["freight"] == fresh && (string?)p["spec"]!["stage"] == "dev"), "the auto-promotion");
        ((string?)auto["metadata"]!["annotations"]!["kargo.akuity.io/create-actor"]).ShouldBe("controller:dray");
        await WaitAsync(_admin, $"{Project}/freight/{fresh}", f => f["status"]?["verifiedIn"]?["dev"], "verifiedIn.dev of 1.25.0");
        (await ShowAsync("dev")).ShouldContain("newTag: 1.25.0");

        // 5. 1.25.0 through uat to prod, then prod rolls back to 1.24.0: a new commit restores the old tag.
        await PromoteAsync("uat", fresh);
        await WaitAsync(_admin, $"{Project}/freight/{fresh}", f => f["status"]?["verifiedIn"]?["uat"], "verifiedIn.uat of 1.25.0");
        await PromoteAsync("prod", fresh);
        (await ShowAsync("prod")).ShouldContain("newTag: 1.25.0");
        var newest = await RemoteAsync("rev-parse", "main");

        await PromoteAsync("prod", old);

        (await RemoteAsync("rev-parse", "main~1")).ShouldBe(newest);
        (await RemoteAsync("diff", "--name-only", "main~1", "main")).ShouldBe("overlays/prod/kustomization.yaml");
        (await ShowAsync("prod") + "\n").ShouldBe(Overlay + $"images:\n- name: {Image}\n  newTag: 1.24.0\n");
        (await GetAsync(_admin, $"{Project}/stages/prod"))["status"]!["freightSummary"]!.GetValue<string>().ShouldBe(old);
        _argo.Server.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v1/applications/nginx-prod/sync").ShouldBe(3);
        _argo.Server.Violations.ShouldBeEmpty();
    }

    /// <summary>
    /// The seed as published, after envsubst. Its Warehouse and kustomize image say <c>nginx</c> (Docker Hub, not
    /// reachable here), so both are pointed at the local registry's <c>library/nginx</c>.
    /// </summary>
    private string SeedManifests()
    {
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Fixtures", "seed.yaml"))
            .Replace("${GITOPS_REPO_URL}", git.RepoUrl("gitops"), StringComparison.Ordinal)
            .Replace("repoURL: nginx", $"repoURL: {Image}", StringComparison.Ordinal)
            .Replace("- image: nginx", $"- image: {Image}", StringComparison.Ordinal);
        return ManifestText.Join(seed, $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: gitops-creds
              namespace: kargo-demo
              labels:
                kargo.akuity.io/cred-type: git
            stringData:
              repoURL: {git.RepoUrl("gitops")}
              username: {git.Username}
              password: {git.Password}
            """, $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata:
              name: smoke
              namespace: kargo-demo
            spec:
              metrics:
              - name: smoke
                successCondition: result == "ok"
                provider:
                  web:
                    url: "{{_endpoint.BaseUri}}healthz"
                    jsonPath: "{$.status}"
            """);
    }

    private const string AutoPromoteDev = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: ProjectConfig
        metadata:
          name: kargo-demo
          namespace: kargo-demo
        spec:
          promotionPolicies:
          - stage: dev
            autoPromotionEnabled: true
        """;

    /// <summary>The seed's Stages have no verification; dev gets one, applied back in today's form.</summary>
    private async Task AddDevVerificationAsync()
    {
        var dev = (await GetAsync(_admin, $"{Project}/stages/dev")).AsObject();
        dev.Remove("status");
        dev["spec"]!["verification"] = new JsonObject { ["analysisTemplates"] = new JsonArray(new JsonObject { ["name"] = "smoke" }) };
        await ApplyAsync(_admin, dev.ToJsonString());
    }

    private async Task PromoteAsync(string stage, string freight)
    {
        var response = await PostAsync(_admin, $"{Project}/stages/{stage}/promotions", new { freight });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var name = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["metadata"]!["name"]!;
        var done = await WaitAsync(_admin, $"{Project}/promotions/{name}", p => (string?)p["status"]?["phase"] is "Succeeded" or "Failed" or "Errored" or "Aborted" ? p : null, $"the promotion of {freight} to {stage}");
        ((string?)done["status"]!["phase"]).ShouldBe("Succeeded", done.ToJsonString());
        await WaitAsync(_admin, $"{Project}/stages/{stage}", s => (string?)s["status"]?["freightSummary"] == freight ? s : null, $"{stage} to hold {freight}");
    }

    private Task<string> WaitForFreightAsync(string tag) =>
        WaitAsync(_admin, $"{Project}/freight", l => Items(l).Where(f => (string?)f!["images"]?[0]?["tag"] == tag).Select(f => (string?)f!["metadata"]!["name"]).FirstOrDefault(), $"Freight for {tag}");

    private Task PushAsync(string tag, int minutes) =>
        registry.PushImageAsync("library/nginx", tag, new OciImageSpec { Created = new DateTimeOffset(2024, 1, 1, 0, minutes, 0, TimeSpan.Zero), Content = $"nginx:{tag}" });

    private async Task SeedGitOpsRepoAsync()
    {
        using var source = new TempDirectory("dray-e2e-gitops-");
        foreach (var stage in new[] { "dev", "uat", "prod" })
        {
            Directory.CreateDirectory(source.Sub("overlays", stage));
            await File.WriteAllTextAsync(source.File("overlays", stage, "kustomization.yaml"), Overlay);
        }

        Directory.CreateDirectory(source.Sub("base"));
        await File.WriteAllTextAsync(source.File("base", "kustomization.yaml"), "resources:\n- deployment.yaml\n");
        await File.WriteAllTextAsync(source.File("base", "deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\n");
        await git.SeedRepoAsync("gitops", source.Path);
    }

    private Task<string> ShowAsync(string stage) => RemoteAsync("show", $"main:overlays/{stage}/kustomization.yaml");

    private Task<string> RemoteAsync(params string[] arguments) =>
        GitCli.OutputAsync(git.RepoPath("gitops"), arguments, CancellationToken.None);
}
