using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Server.Tests.Support;
using Dray.Server.Webhooks;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Server.Tests.Webhooks;

/// <summary>
/// End to end: a GitHub push webhook, sent to the URL the ProjectConfig status publishes, makes the subscribed
/// Warehouse discover the pushed commit of a real git repository (Freight appears) long before its interval.
/// </summary>
public sealed class WebhookGitDiscoveryTests(GitHttpServer git) : IClassFixture<GitHttpServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task A_github_push_webhook_makes_the_subscribed_warehouse_discover_the_new_commit()
    {
        using var source = new TempDirectory("dray-webhook-git-");
        await File.WriteAllTextAsync(Path.Combine(source.Path, "README.md"), "hello\n");
        var first = (await git.SeedRepoAsync("hooked", source.Path)).Trim();
        var url = git.RepoUrl("hooked");
        const string secret = "github-webhook-secret-for-test";
        await using var host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        using var admin = await host.AdminAsync();
        var yaml = ManifestText.Join(ManifestText.Project("hooked"), $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: git-creds
              namespace: hooked
              labels:
                kargo.akuity.io/cred-type: git
            stringData:
              repoURL: {url}
              username: {git.Username}
              password: {git.Password}
            """, $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: github-wh
              namespace: hooked
              labels:
                kargo.akuity.io/cred-type: generic
            stringData:
              secret: {secret}
            """, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: ProjectConfig
            metadata:
              name: hooked
              namespace: hooked
            spec:
              webhookReceivers:
              - name: gh
                github:
                  secretRef:
                    name: github-wh
            """, $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: config
              namespace: hooked
            spec:
              interval: 24h
              subscriptions:
              - git:
                  repoURL: {url}
                  branch: main
            """, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: other
              namespace: hooked
            spec:
              interval: 24h
              subscriptions:
              - image:
                  repoURL: 127.0.0.1:1/none
            """);
        (await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml))).EnsureSuccessStatusCode();
        (await WaitForCommitsAsync(admin, c => c.Contains(first))).ShouldContain(first);
        var receiverUrl = await WaitForReceiverUrlAsync(admin);

        var second = await PushCommitAsync(git, "hooked", "apps/web/deployment.yaml");
        var body = PushPayload(url, second);
        using var client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, receiverUrl) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + WebhookSignature.HmacSha256Hex(body, secret));
        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshed").GetInt32().ShouldBe(1);
        (await WaitForCommitsAsync(admin, c => c.Contains(second))).ShouldContain(second);
    }

    private static async Task<List<string>> WaitForCommitsAsync(HttpClient admin, Func<List<string>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/hooked/freight");
            var commits = list.GetProperty("items").EnumerateArray()
                .Where(f => f.TryGetProperty("commits", out _))
                .SelectMany(f => f.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("id").GetString() ?? ""))
                .ToList();
            if (done(commits))
            {
                return commits;
            }

            clock.Elapsed.ShouldBeLessThan(Deadline, $"Freight has commits [{string.Join(", ", commits)}]");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static async Task<string> WaitForReceiverUrlAsync(HttpClient admin)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var config = await admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/hooked/projectconfigs/hooked");
            if (config.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("webhookReceivers", out var receivers)
                && receivers.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } receiver
                && receiver.TryGetProperty("url", out var url))
            {
                receiver.GetProperty("name").GetString().ShouldBe("gh");
                receiver.GetProperty("path").GetString().ShouldStartWith("/webhooks/github/");
                return url.GetString()!;
            }

            clock.Elapsed.ShouldBeLessThan(Deadline, "the ProjectConfig status never published the receiver URL");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    internal static async Task<string> PushCommitAsync(GitHttpServer git, string repo, string file)
    {
        using var work = new TempDirectory("dray-webhook-push-");
        await GitCli.RunCheckedAsync(work.Path, null, ["clone", "--quiet", git.RepoPath(repo), "."], CancellationToken.None);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work.Path, file))!);
        await File.WriteAllTextAsync(Path.Combine(work.Path, file), "replicas: 2\n");
        await GitCli.RunCheckedAsync(work.Path, null, ["add", "--all"], CancellationToken.None);
        await GitCli.RunCheckedAsync(work.Path, null, ["commit", "--quiet", "-m", "Scale the web app"], CancellationToken.None);
        await GitCli.RunCheckedAsync(work.Path, null, ["push", "--quiet", "origin", "HEAD:refs/heads/main"], CancellationToken.None);
        return (await GitCli.OutputAsync(work.Path, ["rev-parse", "HEAD"], CancellationToken.None)).Trim();
    }

    /// <summary>A push payload as GitHub sends it (see Fixtures/github-push.json), for the test repository.</summary>
    internal static byte[] PushPayload(string repoUrl, string commit)
    {
        var payload = JsonNode.Parse(WebhookFixtures.Load("github-push.json"))!.AsObject();
        payload["after"] = commit;
        payload["repository"]!["clone_url"] = repoUrl;
        payload["repository"]!["html_url"] = repoUrl.Replace(".git", "", StringComparison.Ordinal);
        payload["commits"]![0]!["id"] = commit;
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }
}
