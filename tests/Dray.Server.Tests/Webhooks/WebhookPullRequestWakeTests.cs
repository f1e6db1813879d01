using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Webhooks;
using Dray.Server.Tests.Support;
using Dray.Server.Webhooks;
using Dray.Steps.Tests.Contracts;
using Dray.Steps.Tests.PullRequests;
using static Dray.Server.Tests.Controllers.StageLifecycleFixture;

namespace Dray.Server.Tests.Webhooks;

/// <summary>
/// End to end: a Promotion waits in <c>git-wait-for-pr</c> (poll interval 1h) on a pull request of the spec-checked
/// Gitea double; the pull request is merged and Gitea's <c>pull_request</c> webhook, sent to the real endpoint, makes
/// the Promotion finish at once. Only the webhook can make it finish within the deadline.
/// </summary>
public sealed class WebhookPullRequestWakeTests : IAsyncLifetime
{
    private const string Project = "pr-wake";
    private const string Token = "gitea-TOKEN-5d1e";
    private const string Secret = "gitea-webhook-secret-for-test";

    private readonly FakeRepository _repo = new();
    private int _mergedAnswers;
    private ContractServer _gitea = null!;
    private ServerHost _host = null!;
    private HttpClient _admin = null!;

    private string RepoUrl => $"{_gitea.BaseUri}acme/deploy.git";

    private const string Api = "/api/v1/projects/" + Project;

    public async Task InitializeAsync()
    {
        _gitea = new ContractServer(FakeGitea.Spec, null, r =>
        {
            if (r.Headers["Authorization"] != $"token {Token}")
            {
                return FakeGitea.Error(401, "token is required");
            }

            var reply = FakeGitea.Handle(_repo, r);
            if (reply.Body?["merged"] is JsonValue merged && merged.GetValue<bool>())
            {
                Interlocked.Increment(ref _mergedAnswers);
            }

            return reply;
        });
        _host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        _admin = await _host.AdminAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
        await _gitea.DisposeAsync();
    }

    [Fact]
    public async Task A_merged_pull_request_webhook_finishes_the_promotion_waiting_on_it_without_waiting_for_the_poll()
    {
        var pr = _repo.Add("kargo/promotion/prod", "main");
        await ApplyAsync(_admin, Manifests());
        var created = await PostAsync(_admin, $"{Api}/stages/prod/promotions", new { freight = "f1" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var name = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["metadata"]!["name"]!;
        await WaitAsync(_admin, $"{Api}/promotions/{name}", p => (string?)FirstStep(p)?["message"] == "pull request 1 is open" ? p : null, "the promotion to wait on the open pull request");

        var unrelated = await DeliverAsync(PullRequestClosed("https://gitea.example.com/org/other.git", 1));
        FakeRepository.Merge(pr);
        var woken = await DeliverAsync(PullRequestClosed(RepoUrl, 1));

        unrelated.ShouldBe(0);
        if (woken == 0)
        {
            // Only a poll already under way when the pull request was merged (the engine may poll once more right after
            // saving "open") can have finished the Promotion before the webhook; then it must have seen the merge.
            Volatile.Read(ref _mergedAnswers).ShouldBeGreaterThan(0, "the webhook woke nothing, and no poll saw the merge");
        }
        else
        {
            woken.ShouldBe(1);
        }

        var done = await WaitAsync(_admin, $"{Api}/promotions/{name}", p => (string?)p["status"]?["phase"] is "Succeeded" or "Failed" or "Errored" ? p : null, "the promotion to finish after the webhook");
        ((string?)done["status"]!["phase"]).ShouldBe("Succeeded", done.ToJsonString());
        ((string?)FirstStep(done)?["status"]).ShouldBe("Succeeded");
        _gitea.Violations.ShouldBeEmpty();
    }

    private static JsonNode? FirstStep(JsonNode promotion) =>
        promotion["status"]?["stepExecutionMetadata"] is JsonArray { Count: > 0 } steps ? steps[0] : null;

    private async Task<int> DeliverAsync(byte[] body)
    {
        using var client = _host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookReceiverPath.For("gitea", Project, "gitea", Secret)) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Gitea-Event", "pull_request");
        request.Headers.Add("X-Gitea-Signature", WebhookSignature.HmacSha256Hex(body, Secret));
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshed").GetInt32();
    }

    /// <summary>Gitea's pull_request payload (Fixtures/gitea-pull-request-closed.json) for <paramref name="repoUrl"/>.</summary>
    private static byte[] PullRequestClosed(string repoUrl, long number)
    {
        var payload = JsonNode.Parse(WebhookFixtures.Load("gitea-pull-request-closed.json"))!.AsObject();
        payload["number"] = number;
        payload["pull_request"]!["number"] = number;
        payload["repository"]!["clone_url"] = repoUrl;
        payload["repository"]!["html_url"] = repoUrl[..^".git".Length];
        payload["repository"]!.AsObject().Remove("ssh_url");
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    private string Manifests() => ManifestText.Join(
        ManifestText.Project(Project),
        $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: gitea-creds
          namespace: {Project}
          labels:
            kargo.akuity.io/cred-type: git
        stringData:
          repoURL: {RepoUrl}
          username: dray
          password: {Token}
        """,
        $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: gitea-wh
          namespace: {Project}
          labels:
            kargo.akuity.io/cred-type: generic
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
          - name: gitea
            gitea:
              secretRef:
                name: gitea-wh
        """,
        $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: images
          namespace: {Project}
        spec:
          interval: 24h
          subscriptions:
          - image:
              repoURL: 127.0.0.1:1/none
        """,
        Freight(Project, "f1", 1),
        Stage(Project, "prod", "direct: true", "", steps: false) + $"""
          promotionTemplate:
            spec:
              steps:
              - uses: git-wait-for-pr
                config:
                  repoURL: {RepoUrl}
                  provider: gitea
                  prNumber: 1
                  pollInterval: 1h

        """);
}
