using System.Text;
using System.Text.Json.Nodes;
using Dray.Server.Webhooks;

namespace Dray.Bench.Stages;

/// <summary>
/// The project of <c>webhook-to-promotion</c>: a git-subscribed Warehouse (with its git credentials), a GitHub webhook
/// receiver, and an auto-promoted Stage <c>dev</c> whose one step is <c>compose-output</c> (a Stage without steps is
/// control flow and never promoted to).
/// </summary>
internal static class WebhookBenchProject
{
    public const string Name = "bench";
    public const string Receiver = "gh";

    public static string Manifests(string repoUrl, string username, string password, string webhookSecret) => $$"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: {{Name}}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: git-creds
          namespace: {{Name}}
          labels:
            kargo.akuity.io/cred-type: git
        stringData:
          repoURL: {{repoUrl}}
          username: {{username}}
          password: {{password}}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: github-wh
          namespace: {{Name}}
        stringData:
          secret: {{webhookSecret}}
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: ProjectConfig
        metadata:
          name: {{Name}}
          namespace: {{Name}}
        spec:
          promotionPolicies:
          - stageSelector:
              name: dev
            autoPromotionEnabled: true
          webhookReceivers:
          - name: {{Receiver}}
            github:
              secretRef:
                name: github-wh
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: app
          namespace: {{Name}}
        spec:
          interval: 24h
          subscriptions:
          - git:
              repoURL: {{repoUrl}}
              branch: main
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: dev
          namespace: {{Name}}
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: app
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: compose-output
                as: out
                config:
                  done: "yes"
        """;

    /// <summary>A GitHub <c>push</c> payload (the fields the receiver reads, in GitHub's shape) for one commit.</summary>
    public static byte[] PushPayload(string repoUrl, string before, string commit, string path)
    {
        var changed = new JsonObject { ["id"] = commit, ["added"] = new JsonArray(), ["removed"] = new JsonArray(), ["modified"] = new JsonArray(path) };
        var payload = new JsonObject
        {
            ["ref"] = "refs/heads/main",
            ["before"] = before,
            ["after"] = commit,
            ["created"] = false,
            ["deleted"] = false,
            ["forced"] = false,
            ["commits"] = new JsonArray(changed),
            ["head_commit"] = changed.DeepClone(),
            ["repository"] = new JsonObject
            {
                ["name"] = "bench",
                ["full_name"] = "bench/bench",
                ["html_url"] = repoUrl.Replace(".git", "", StringComparison.Ordinal),
                ["clone_url"] = repoUrl,
                ["default_branch"] = "main",
            },
            ["pusher"] = new JsonObject { ["name"] = "bench" },
        };
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    public static HttpRequestMessage PushRequest(string receiverUrl, byte[] body, string webhookSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, receiverUrl) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + WebhookSignature.HmacSha256Hex(body, webhookSecret));
        return request;
    }
}
