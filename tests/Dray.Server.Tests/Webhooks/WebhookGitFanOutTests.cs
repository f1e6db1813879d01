using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dray.Core.Webhooks;
using Dray.Server.Tests.Support;
using Dray.Server.Webhooks;
using Dray.Sources.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dray.Server.Tests.Webhooks;

/// <summary>
/// Issue 3's fan-out case: many Warehouses on one repository, one push webhook. All are refreshed and all discover
/// the pushed commit, and the shared mirror fetches once (the others see an unchanged ls-remote).
/// </summary>
public sealed class WebhookGitFanOutTests(GitHttpServer git, ITestOutputHelper output) : IClassFixture<GitHttpServer>
{
    private const int Warehouses = 50;
    private const string Project = "fanout";
    private const string Secret = "fan-out-webhook-secret";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [SkippableFact]
    public async Task One_push_webhook_refreshes_every_subscribed_warehouse_with_one_fetch()
    {
        using var source = new TempDirectory("dray-webhook-fanout-");
        await File.WriteAllTextAsync(Path.Combine(source.Path, "README.md"), "hello\n");
        var first = (await git.SeedRepoAsync("fanout", source.Path)).Trim();
        var url = git.RepoUrl("fanout");
        await using var host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        using var admin = await host.AdminAsync();
        (await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(Manifests(url)))).EnsureSuccessStatusCode();
        await WaitForEveryWarehouseAsync(admin, first);
        var mirrors = host.App.Services.GetRequiredService<GitMirrorManager>();
        var before = mirrors.Counts;

        var second = await WebhookGitDiscoveryTests.PushCommitAsync(git, "fanout", "apps/web/deployment.yaml");
        var body = WebhookGitDiscoveryTests.PushPayload(url, second);
        using var client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookReceiverPath.For("github", Project, "gh", Secret)) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + WebhookSignature.HmacSha256Hex(body, Secret));
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshed").GetInt32().ShouldBe(Warehouses);
        await WaitForEveryWarehouseAsync(admin, second);
        output.WriteLine($"{Warehouses} Warehouses discovered the pushed commit {clock.Elapsed.TotalSeconds:F2} s after the webhook (report only)");
        var after = mirrors.Counts;
        (after.Fetches - before.Fetches).ShouldBe(1, $"before {before}, after {after}");
        (after.LsRemotes - before.LsRemotes).ShouldBe(1, $"one look at the remote serves every Warehouse the event refreshed: before {before}, after {after}");
        (after.Clones - before.Clones).ShouldBe(0);
    }

    private static async Task WaitForEveryWarehouseAsync(HttpClient admin, string commit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{Project}/freight");
            var origins = list.GetProperty("items").EnumerateArray()
                .Where(f => f.TryGetProperty("commits", out var commits) && commits.EnumerateArray().Any(c => c.GetProperty("id").GetString() == commit))
                .Select(f => f.GetProperty("origin").GetProperty("name").GetString())
                .Distinct()
                .Count();
            if (origins == Warehouses)
            {
                return;
            }

            clock.Elapsed.ShouldBeLessThan(Deadline, $"{origins} of {Warehouses} Warehouses have Freight with {commit}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private string Manifests(string url)
    {
        var documents = new List<string>
        {
            ManifestText.Project(Project),
            $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: git-creds
              namespace: {Project}
              labels:
                kargo.akuity.io/cred-type: git
            stringData:
              repoURL: {url}
              username: {git.Username}
              password: {git.Password}
            """,
            $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: github-wh
              namespace: {Project}
            stringData:
              secret: {Secret}
            """,
            $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: ProjectConfig
            metadata:
              name: {Project}
              namespace: {Project}
            spec:
              webhookReceivers:
              - name: gh
                github:
                  secretRef:
                    name: github-wh
            """,
        };
        documents.AddRange(Enumerable.Range(1, Warehouses).Select(i => $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: app-{i:D2}
              namespace: {Project}
            spec:
              interval: 24h
              subscriptions:
              - git:
                  repoURL: {url}
                  branch: main
            """));
        return ManifestText.Join([.. documents]);
    }
}
