using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Controllers;

/// <summary>Manifests and polling helpers for the Stage controller tests (real server, real SQLite, controllers on).</summary>
internal static class StageLifecycleFixture
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static string StageManifests(string project, string metric, string devExtra = "", string uatSources = "stages: [dev]") => ManifestText.Join(
        ManifestText.Project(project),
        $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: ProjectConfig
        metadata:
          name: {project}
          namespace: {project}
        spec:
          promotionPolicies:
          - stageSelector:
              name: "glob:*"
            autoPromotionEnabled: true
        """,
        ManifestText.Warehouse(project, "images"),
        $"""
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: smoke
          namespace: {project}
        spec:
          args:
          - name: url
          metrics:
          - name: smoke
        {metric}
        """,
        Stage(project, "dev", "direct: true", Verification(devExtra)),
        Stage(project, "uat", uatSources, ""));

    /// <summary>The <c>spec</c> lines of a verification by the <c>smoke</c> template against <paramref name="baseUrl"/>.</summary>
    public static string Verification(string baseUrl) =>
        "  verification:\n    analysisTemplates:\n    - name: smoke\n    args:\n    - name: url\n      value: \"${{ vars.base }}/healthz\"\n"
        + "  vars:\n  - name: base\n    value: \"" + baseUrl + "\"\n";

    public static string Stage(string project, string name, string sources, string extra, bool steps = true) =>
        "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: " + name + "\n  namespace: " + project + "\nspec:\n"
        + "  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: images\n    sources:\n      " + sources + "\n"
        + (steps ? "  promotionTemplate:\n    spec:\n      steps:\n      - uses: file-write\n        config:\n          path: out.txt\n          contents: hello\n" : "")
        + extra;

    public static string Freight(string project, string name, int minute) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: {name}
          namespace: {project}
        origin:
          kind: Warehouse
          name: images
        discoveredAt: "2026-11-26T05:{minute:00}:00Z"
        images:
        - repoURL: nginx
          tag: 1.24.{minute}
          digest: sha256:{new string((char)('0' + minute), 64)}
        """;

    public static async Task ApplyAsync(HttpClient admin, string yaml)
    {
        var response = await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml));
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(path))!;

    /// <summary>Polls <paramref name="path"/> until <paramref name="select"/> returns a value; fails with the last document.</summary>
    public static async Task<T> WaitAsync<T>(HttpClient client, string path, Func<JsonNode, T?> select, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && select(JsonNode.Parse(body)!) is { } value)
            {
                return value;
            }

            clock.Elapsed.ShouldBeLessThan(Deadline, $"waiting for {what}; last {path}: {body}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public static JsonArray Items(JsonNode list) => list["items"]!.AsArray();

    public static JsonNode? LatestVerification(JsonNode stage) =>
        stage["status"]?["freightHistory"]?[0]?["verificationHistory"]?[0];

    public static JsonNode? Condition(JsonNode stage, string type) =>
        stage["status"]?["conditions"]?.AsArray().FirstOrDefault(c => (string?)c!["type"] == type);

    /// <summary>The condition's <c>status/reason</c>, or <c>absent</c>.</summary>
    public static string ConditionState(JsonNode stage, string type) =>
        Condition(stage, type) is { } c ? $"{(string?)c["status"]}/{(string?)c["reason"]}" : "absent";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null) =>
        body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
}
