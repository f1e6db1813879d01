using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Core.Webhooks;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Webhooks;

/// <summary>
/// <c>POST /webhooks/{type}/{token}</c> through the real server: each receiver refreshes exactly the Warehouses of its
/// project subscribed to the payload's repository (seen as a new <c>kargo.akuity.io/refresh</c> annotation).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class WebhookEndpointTests(SharedServer server) : IAsyncLifetime
{
    private const string Project = "webhooks-endpoint";

    private const string RepositoryExpression = "${{ normalizeGit(request.body.repository.url) }}";

    private static readonly string Secret = "wh-" + Guid.NewGuid().ToString("N");

    public static TheoryData<string, string, string, string> Deliveries => new()
    {
        { "github", "push", "github-push.json", "git-app,git-web-only" },
        { "github", "package", "github-package.json", "ghcr-app" },
        { "gitlab", "Push Hook", "gitlab-push.json", "gitlab-app" },
        { "gitlab", "Tag Push Hook", "gitlab-tag-push.json", "gitlab-tags" },
        { "gitea", "push", "gitea-push.json", "gitea-app" },
        { "bitbucket", "repo:push", "bitbucket-cloud-push.json", "bitbucket-app" },
        { "bitbucket", "repo:refs_changed", "bitbucket-server-refs-changed.json", "bbs-app" },
        { "dockerhub", "", "dockerhub-push.json", "hub-app" },
        { "quay", "", "quay-push.json", "quay-app" },
        { "harbor", "", "harbor-push.json", "harbor-chart" },
        { "artifactory", "", "artifactory-push.json", "jfrog-app" },
        { "azure", "", "azure-acr-push.json", "acr-app" },
        { "azure", "", "azure-devops-push.json", "ado-app" },
    };

    public async Task InitializeAsync()
    {
        var response = await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(Manifests()));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task Each_receiver_refreshes_only_the_warehouses_subscribed_to_the_payload_repository(string type, string eventName, string fixture, string expected)
    {
        var body = WebhookFixtures.Load(fixture);
        var before = await RefreshTokensAsync();

        var (status, refreshed) = await PostAsync(type, body, WebhookFixtures.SignedHeaders(type, eventName, body, Secret));

        status.ShouldBe(HttpStatusCode.OK);
        var changed = await ChangedSinceAsync(before);
        changed.ShouldBe(expected.Split(',').Order(StringComparer.Ordinal).ToList());
        refreshed.ShouldBe(changed.Count);
    }

    [Theory]
    [InlineData("github", "push", "github-push.json")]
    [InlineData("gitlab", "Push Hook", "gitlab-push.json")]
    [InlineData("gitea", "push", "gitea-push.json")]
    [InlineData("bitbucket", "repo:push", "bitbucket-cloud-push.json")]
    [InlineData("harbor", "", "harbor-push.json")]
    [InlineData("artifactory", "", "artifactory-push.json")]
    public async Task A_bad_signature_is_401_and_refreshes_nothing(string type, string eventName, string fixture)
    {
        var body = WebhookFixtures.Load(fixture);
        var before = await RefreshTokensAsync();

        var (status, _) = await PostAsync(type, body, WebhookFixtures.SignedHeaders(type, eventName, body, "not-the-secret"));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        (await ChangedSinceAsync(before)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("github", "pull_request", "github-pull-request-closed.json")]
    [InlineData("gitlab", "Merge Request Hook", "gitlab-merge-request-merge.json")]
    [InlineData("gitea", "pull_request", "gitea-pull-request-closed.json")]
    [InlineData("bitbucket", "pullrequest:fulfilled", "bitbucket-cloud-pullrequest-fulfilled.json")]
    public async Task Pull_request_events_are_signature_checked_and_refresh_no_warehouse(string type, string eventName, string fixture)
    {
        var body = WebhookFixtures.Load(fixture);
        var before = await RefreshTokensAsync();

        var (forged, _) = await PostAsync(type, body, WebhookFixtures.SignedHeaders(type, eventName, body, "not-the-secret"));
        var (status, refreshed) = await PostAsync(type, body, WebhookFixtures.SignedHeaders(type, eventName, body, Secret));

        forged.ShouldBe(HttpStatusCode.Unauthorized);
        status.ShouldBe(HttpStatusCode.OK);
        refreshed.ShouldBe(0);
        (await ChangedSinceAsync(before)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_receiver_path_is_404()
    {
        using var client = server.Host.Anonymous();
        var body = WebhookFixtures.Load("quay-push.json");

        var wrongToken = await client.PostAsync($"/webhooks/quay/{WebhookReceiverPath.Token(Project, "quay", "guess")}", new ByteArrayContent(body));
        var wrongType = await client.PostAsync($"/webhooks/subversion/{WebhookReceiverPath.Token(Project, "quay", Secret)}", new ByteArrayContent(body));
        var typeOfAnotherReceiver = await client.PostAsync($"/webhooks/dockerhub/{WebhookReceiverPath.Token(Project, "quay", Secret)}", new ByteArrayContent(body));

        wrongToken.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wrongType.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        typeOfAnotherReceiver.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_ping_is_acknowledged_without_refreshing()
    {
        var body = WebhookFixtures.Load("github-ping.json");
        var before = await RefreshTokensAsync();

        var (status, refreshed) = await PostAsync("github", body, WebhookFixtures.SignedHeaders("github", "ping", body, Secret));

        status.ShouldBe(HttpStatusCode.OK);
        refreshed.ShouldBe(0);
        (await ChangedSinceAsync(before)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_generic_receiver_refreshes_the_targets_its_actions_select()
    {
        var body = """{"repository": {"url": "https://github.com/example/app.git"}}"""u8.ToArray();
        var before = await RefreshTokensAsync();

        var (ignored, none) = await PostAsync("generic", body, [("X-Event", "ping")]);
        var afterIgnored = await ChangedSinceAsync(before);
        var (status, refreshed) = await PostAsync("generic", body, [("X-Event", "push")]);

        ignored.ShouldBe(HttpStatusCode.OK);
        none.ShouldBe(0);
        afterIgnored.ShouldBeEmpty();
        status.ShouldBe(HttpStatusCode.OK);
        (await ChangedSinceAsync(before)).ShouldBe(["git-api-only", "git-app", "git-web-only"]);
        refreshed.ShouldBe(3);
    }

    [Fact]
    public async Task Oversized_and_malformed_payloads_are_refused()
    {
        var huge = new byte[5 * 1024 * 1024];
        var (tooLarge, _) = await PostAsync("quay", huge, []);
        var (malformed, _) = await PostAsync("quay", "not json"u8.ToArray(), []);

        tooLarge.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        malformed.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Secrets_appear_in_no_log_line_or_response()
    {
        var body = WebhookFixtures.Load("gitlab-push.json");
        using var client = server.Host.Anonymous();
        using var bad = new HttpRequestMessage(HttpMethod.Post, ReceiverPath("gitlab")) { Content = new ByteArrayContent(body) };
        bad.Headers.Add("X-Gitlab-Event", "Push Hook");
        bad.Headers.Add("X-Gitlab-Token", "wrong");
        var badResponse = await client.SendAsync(bad);
        var good = await PostAsync("gitlab", body, WebhookFixtures.SignedHeaders("gitlab", "Push Hook", body, Secret));
        var config = await server.Admin.GetStringAsync($"/api/v1/projects/{Project}/projectconfigs/{Project}");

        good.Status.ShouldBe(HttpStatusCode.OK);
        (await badResponse.Content.ReadAsStringAsync()).ShouldNotContain(Secret);
        config.ShouldNotContain(Secret);
        server.Host.Logs.Lines.ShouldNotContain(l => l.Contains(Secret, StringComparison.Ordinal));
        var token = WebhookReceiverPath.Token(Project, "gitlab", Secret);
        // The path is the credential of unsigned receivers: no request line at the server's levels (Information and up).
        server.Host.Logs.Lines
            .Where(l => !l.StartsWith("Trace ", StringComparison.Ordinal) && !l.StartsWith("Debug ", StringComparison.Ordinal))
            .Where(l => l.Contains(token, StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    /// <summary>Each receiver is named after its type in <see cref="Manifests"/>.</summary>
    private static string ReceiverPath(string receiver) => WebhookReceiverPath.For(receiver, Project, receiver, Secret);

    private Task<(HttpStatusCode Status, int Refreshed)> PostAsync(string receiver, byte[] body, (string Name, string Value)[] headers) =>
        WebhookEndpointClient.PostAsync(server.Host, ReceiverPath(receiver), body, headers);

    private Task<Dictionary<string, string?>> RefreshTokensAsync() => WebhookEndpointClient.RefreshTokensAsync(server.Admin, Project);

    private Task<List<string>> ChangedSinceAsync(Dictionary<string, string?> before) => WebhookEndpointClient.ChangedSinceAsync(server.Admin, Project, before);

    private static string Manifests()
    {
        var receivers = new[] { "github", "gitlab", "gitea", "bitbucket", "dockerhub", "quay", "harbor", "artifactory", "azure" };
        var secrets = receivers.Select(r => $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: {r}-wh
              namespace: {Project}
              labels:
                kargo.akuity.io/cred-type: generic
            stringData:
              {WebhookReceiverBinding.SecretKeyOf(r)}: {Secret}
            """);
        var genericSecret = $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: generic-wh
              namespace: {Project}
            stringData:
              secret: {Secret}
            """;
        var config = $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: ProjectConfig
            metadata:
              name: {Project}
              namespace: {Project}
            spec:
              webhookReceivers:
            {string.Concat(receivers.Select(r => $"  - name: {r}\n    {r}:\n      secretRef:\n        name: {r}-wh\n"))}  - name: generic
                generic:
                  secretRef:
                    name: generic-wh
                  actions:
                  - action: Refresh
                    parameters:
                      event: push
                    whenExpression: request.header("X-Event") == params.event
                    targetSelectionCriteria:
                    - kind: Warehouse
                      indexSelector:
                        matchIndices:
                        - key: subscribedURLs
                          operator: Equals
                          value: "{RepositoryExpression}"
            """;
        var warehouses = new (string Name, string Subscription)[]
        {
            ("git-app", "git:\n      repoURL: https://github.com/example/app"),
            ("git-web-only", "git:\n      repoURL: https://github.com/Example/app.git\n      includePaths: [apps/web]"),
            ("git-api-only", "git:\n      repoURL: https://github.com/example/app\n      includePaths: [apps/api]"),
            ("unrelated", "git:\n      repoURL: https://github.com/example/other"),
            ("gitlab-app", "git:\n      repoURL: https://gitlab.example.com/group/app.git"),
            ("gitlab-tags", "git:\n      repoURL: https://gitlab.example.com/group/app.git\n      commitSelectionStrategy: SemVer"),
            ("gitea-app", "git:\n      repoURL: https://gitea.example.com/org/app\n      branch: develop"),
            ("bitbucket-app", "git:\n      repoURL: https://bitbucket.org/team/app.git"),
            ("bbs-app", "git:\n      repoURL: https://bitbucket.example.com/scm/proj/app.git"),
            ("ado-app", "git:\n      repoURL: https://dev.azure.com/example/Project/_git/app"),
            ("hub-app", "image:\n      repoURL: example/app"),
            ("ghcr-app", "image:\n      repoURL: ghcr.io/example/app"),
            ("quay-app", "image:\n      repoURL: quay.io/example/app"),
            ("harbor-chart", "chart:\n      repoURL: oci://harbor.example.com/library/app"),
            ("jfrog-app", "image:\n      repoURL: example.jfrog.io/docker-local/app"),
            ("acr-app", "image:\n      repoURL: example.azurecr.io/app"),
        }.Select(w => $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: {w.Name}
              namespace: {Project}
            spec:
              subscriptions:
              - {w.Subscription}
            """);
        return ManifestText.Join([ManifestText.Project(Project), .. secrets, genericSecret, config, .. warehouses]);
    }
}
