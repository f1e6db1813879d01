using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Webhooks;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Webhooks;

/// <summary>
/// Through the real endpoint: two Warehouses follow two branches of one repository, a third its tags within
/// <c>^1.0.0</c>; a GitHub push refreshes only the Warehouse its ref concerns (seen as a new
/// <c>kargo.akuity.io/refresh</c> annotation), and a tag outside the constraint or not a version refreshes none.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class WebhookBranchEndpointTests(SharedServer server) : IAsyncLifetime
{
    private const string Project = "webhooks-branches";

    private static readonly string Secret = "wh-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        var response = await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(Manifests()));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("refs/heads/b", "branch-b")]
    [InlineData("refs/heads/a", "branch-a")]
    [InlineData("refs/heads/c", "")]
    [InlineData("refs/tags/v1.0.0", "tags")]
    [InlineData("refs/tags/v2.0.0", "")]
    [InlineData("refs/tags/latest", "")]
    public async Task A_push_refreshes_only_the_warehouse_that_follows_its_ref(string reference, string expected)
    {
        var payload = JsonNode.Parse(WebhookFixtures.Load("github-push.json"))!.AsObject();
        payload["ref"] = reference;
        payload["repository"]!["clone_url"] = "https://github.com/example/branches.git";
        payload["repository"]!["html_url"] = "https://github.com/example/branches";
        payload["repository"]!["ssh_url"] = "git@github.com:example/branches.git";
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var before = await WebhookEndpointClient.RefreshTokensAsync(server.Admin, Project);

        var (status, refreshed) = await WebhookEndpointClient.PostAsync(
            server.Host, WebhookReceiverPath.For("github", Project, "github", Secret), body, WebhookFixtures.SignedHeaders("github", "push", body, Secret));

        status.ShouldBe(HttpStatusCode.OK);
        var changed = await WebhookEndpointClient.ChangedSinceAsync(server.Admin, Project, before);
        changed.ShouldBe(expected.Length == 0 ? [] : [expected]);
        refreshed.ShouldBe(changed.Count);
    }

    private static string Manifests()
    {
        var warehouses = new (string Name, string Selection)[] { ("branch-a", "branch: a"), ("branch-b", "branch: b"), ("tags", "commitSelectionStrategy: SemVer\n      semverConstraint: ^1.0.0") }
            .Select(w => $"""
                apiVersion: kargo.akuity.io/v1alpha1
                kind: Warehouse
                metadata:
                  name: {w.Name}
                  namespace: {Project}
                spec:
                  interval: 24h
                  subscriptions:
                  - git:
                      repoURL: https://github.com/example/branches
                      {w.Selection}
                """);
        return ManifestText.Join([
            ManifestText.Project(Project),
            $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: github-wh
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
              - name: github
                github:
                  secretRef:
                    name: github-wh
            """,
            .. warehouses]);
    }
}
