using Dray.Core.Model.Common;
using Dray.Core.Model.Projects;
using Dray.Server.Webhooks;

namespace Dray.Server.Tests.Webhooks;

/// <summary>Each provider against payloads shaped as its public documentation shows them (see Fixtures/).</summary>
public sealed class WebhookProviderTests
{
    private static readonly IWebhookProvider[] Providers =
    [
        new GitHubWebhookProvider(), new GitLabWebhookProvider(), new GiteaWebhookProvider(), new BitbucketWebhookProvider(),
        new DockerHubWebhookProvider(), new QuayWebhookProvider(), new HarborWebhookProvider(), new ArtifactoryWebhookProvider(),
        new AzureWebhookProvider(),
    ];

    public static TheoryData<string, string, string, WebhookArtifactKind, string, string?> Payloads => new()
    {
        { "github", "github-push.json", "push", WebhookArtifactKind.Git, "https://github.com/example/app.git", "apps/web/service.yaml,apps/web/deployment.yaml" },
        { "github", "github-package.json", "package", WebhookArtifactKind.Image, "ghcr.io/example/app", null },
        { "gitlab", "gitlab-push.json", "Push Hook", WebhookArtifactKind.Git, "https://gitlab.example.com/group/app.git", "charts/app/templates/ingress.yaml,charts/app/values.yaml,README.md" },
        { "gitlab", "gitlab-tag-push.json", "Tag Push Hook", WebhookArtifactKind.Git, "https://gitlab.example.com/group/app.git", null },
        { "gitea", "gitea-push.json", "push", WebhookArtifactKind.Git, "https://gitea.example.com/org/app.git", "docs/index.md,docs/old.md" },
        { "bitbucket", "bitbucket-cloud-push.json", "repo:push", WebhookArtifactKind.Git, "https://bitbucket.org/team/app", null },
        { "bitbucket", "bitbucket-server-refs-changed.json", "repo:refs_changed", WebhookArtifactKind.Git, "https://bitbucket.example.com/scm/proj/app.git", null },
        { "dockerhub", "dockerhub-push.json", "", WebhookArtifactKind.Image, "docker.io/example/app", null },
        { "quay", "quay-push.json", "", WebhookArtifactKind.Image, "quay.io/example/app", null },
        { "harbor", "harbor-push.json", "", WebhookArtifactKind.Image, "harbor.example.com/library/app", null },
        { "artifactory", "artifactory-push.json", "", WebhookArtifactKind.Image, "example.jfrog.io/docker-local/app", null },
        { "azure", "azure-acr-push.json", "", WebhookArtifactKind.Image, "example.azurecr.io/app", null },
        { "azure", "azure-devops-push.json", "", WebhookArtifactKind.Git, "https://dev.azure.com/example/Project/_git/app", null },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Each_provider_reads_the_repository_and_changed_files_from_its_documented_payload(
        string type, string fixture, string eventName, WebhookArtifactKind kind, string repoUrl, string? changed)
    {
        var body = WebhookFixtures.Load(fixture);
        var request = WebhookFixtures.Request(body, WebhookFixtures.SignedHeaders(type, eventName, body, "s3cret"));

        var result = Provider(type).Parse(request, Receiver(type));

        result.Error.ShouldBeNull();
        var parsed = result.Event.ShouldNotBeNull(result.IgnoredReason);
        parsed.Kind.ShouldBe(kind);
        parsed.RepoUrls.ShouldContain(repoUrl);
        if (changed is null)
        {
            parsed.ChangedPaths.ShouldBeNull();
        }
        else
        {
            parsed.ChangedPaths.ShouldNotBeNull().OrderBy(p => p, StringComparer.Ordinal).ShouldBe(changed.Split(',').Order(StringComparer.Ordinal));
        }
    }

    public static TheoryData<string, string, string, string, string?> PushRefs => new()
    {
        { "github", "github-push.json", "push", "refs/heads/main", "main" },
        { "github", "github-tag-push.json", "push", "refs/tags/v1.2.0", "main" },
        { "gitlab", "gitlab-push.json", "Push Hook", "refs/heads/main", "main" },
        { "gitlab", "gitlab-tag-push.json", "Tag Push Hook", "refs/tags/v1.0.0", "main" },
        { "gitea", "gitea-push.json", "push", "refs/heads/develop", "main" },
        { "bitbucket", "bitbucket-cloud-push.json", "repo:push", "refs/heads/main", null },
        { "bitbucket", "bitbucket-cloud-tag-push.json", "repo:push", "refs/tags/v2.0.0", null },
        { "bitbucket", "bitbucket-server-refs-changed.json", "repo:refs_changed", "refs/heads/main", null },
        { "azure", "azure-devops-push.json", "", "refs/heads/main", "main" },
        { "azure", "azure-devops-push-refs.json", "", "refs/heads/release/1.x,refs/tags/v1.4.0", "main" },
    };

    [Theory]
    [MemberData(nameof(PushRefs))]
    public void Each_git_provider_reads_the_pushed_refs_and_the_default_branch(string type, string fixture, string eventName, string refs, string? defaultBranch)
    {
        var body = WebhookFixtures.Load(fixture);
        var request = WebhookFixtures.Request(body, WebhookFixtures.SignedHeaders(type, eventName, body, "s3cret"));

        var parsed = Provider(type).Parse(request, Receiver(type)).Event.ShouldNotBeNull();

        parsed.Refs.ShouldBe(refs.Split(','));
        parsed.DefaultBranch.ShouldBe(defaultBranch);
    }

    [Fact]
    public void A_bitbucket_change_of_an_unknown_ref_type_leaves_the_push_unfiltered_by_ref()
    {
        var json = System.Text.Encoding.UTF8.GetString(WebhookFixtures.Load("bitbucket-cloud-push.json")).Replace("\"type\": \"branch\"", "\"type\": \"bookmark\"", StringComparison.Ordinal);

        var parsed = new BitbucketWebhookProvider().Parse(WebhookFixtures.Request(System.Text.Encoding.UTF8.GetBytes(json), ("X-Event-Key", "repo:push")), Receiver("bitbucket"));

        parsed.Event.ShouldNotBeNull().Refs.ShouldBeNull();
    }

    [Fact]
    public void A_deleted_bitbucket_branch_is_named_from_its_old_state()
    {
        var json = System.Text.Encoding.UTF8.GetString(WebhookFixtures.Load("bitbucket-cloud-push.json"))
            .Replace("\"new\": { \"type\": \"branch\", \"name\": \"main\"", "\"new\": null, \"unused\": { \"type\": \"branch\", \"name\": \"main\"", StringComparison.Ordinal)
            .Replace("\"old\": { \"type\": \"branch\", \"name\": \"main\"", "\"old\": { \"type\": \"branch\", \"name\": \"feature/x\"", StringComparison.Ordinal);

        var parsed = new BitbucketWebhookProvider().Parse(WebhookFixtures.Request(System.Text.Encoding.UTF8.GetBytes(json), ("X-Event-Key", "repo:push")), Receiver("bitbucket"));

        parsed.Event.ShouldNotBeNull().Refs.ShouldBe(["refs/heads/feature/x"]);
    }

    [Fact]
    public void Registry_events_carry_no_refs()
    {
        var body = WebhookFixtures.Load("quay-push.json");

        new QuayWebhookProvider().Parse(WebhookFixtures.Request(body), Receiver("quay")).Event.ShouldNotBeNull().Refs.ShouldBeNull();
    }

    [Theory]
    [InlineData("github", "github-ping.json", "X-GitHub-Event", "ping")]
    [InlineData("github", "github-push.json", "X-GitHub-Event", "issues")]
    [InlineData("gitlab", "gitlab-push.json", "X-Gitlab-Event", "Merge Request Hook")]
    [InlineData("gitea", "gitea-push.json", "X-Gitea-Event", "create")]
    [InlineData("bitbucket", "bitbucket-cloud-push.json", "X-Event-Key", "pullrequest:created")]
    public void Pings_and_unhandled_events_are_acknowledged_and_ignored(string type, string fixture, string header, string eventName)
    {
        var result = Provider(type).Parse(WebhookFixtures.Request(WebhookFixtures.Load(fixture), (header, eventName)), Receiver(type));

        result.Event.ShouldBeNull();
        result.Error.ShouldBeNull();
        result.IgnoredReason.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("harbor", """{"type":"DELETE_ARTIFACT","event_data":{"resources":[]}}""")]
    [InlineData("artifactory", """{"domain":"artifact","event_type":"deployed","data":{"repo_key":"r"}}""")]
    [InlineData("azure", """{"action":"ping","target":{"repository":"app"},"request":{"host":"example.azurecr.io"}}""")]
    [InlineData("azure", """{"eventType":"git.pullrequest.created","resource":{}}""")]
    public void Registry_events_other_than_pushes_are_ignored(string type, string json)
    {
        var result = Provider(type).Parse(WebhookFixtures.Request(System.Text.Encoding.UTF8.GetBytes(json)), Receiver(type));

        result.Event.ShouldBeNull();
        result.IgnoredReason.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("github", "X-GitHub-Event", "push", "not json")]
    [InlineData("gitlab", "X-Gitlab-Event", "Push Hook", """{"object_kind":"push"}""")]
    [InlineData("dockerhub", "X", "", """{"push_data":{}}""")]
    [InlineData("quay", "X", "", "[1, 2]")]
    public void Malformed_payloads_are_reported_as_invalid(string type, string header, string eventName, string json)
    {
        var result = Provider(type).Parse(WebhookFixtures.Request(System.Text.Encoding.UTF8.GetBytes(json), (header, eventName)), Receiver(type));

        result.Event.ShouldBeNull();
        result.Error.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("github", "push", "github-push.json")]
    [InlineData("gitlab", "Push Hook", "gitlab-push.json")]
    [InlineData("gitea", "push", "gitea-push.json")]
    [InlineData("bitbucket", "repo:push", "bitbucket-cloud-push.json")]
    [InlineData("harbor", "", "harbor-push.json")]
    [InlineData("artifactory", "", "artifactory-push.json")]
    public void Signing_providers_accept_only_the_right_signature_over_the_exact_body(string type, string eventName, string fixture)
    {
        var body = WebhookFixtures.Load(fixture);
        var provider = Provider(type);
        var signed = WebhookFixtures.SignedHeaders(type, eventName, body, "s3cret");
        var tampered = body.Concat(" "u8.ToArray()).ToArray();

        provider.Verify(WebhookFixtures.Request(body, signed), "s3cret").ShouldBeTrue();
        provider.Verify(WebhookFixtures.Request(body, WebhookFixtures.SignedHeaders(type, eventName, body, "other")), "s3cret").ShouldBeFalse();
        provider.Verify(WebhookFixtures.Request(body, signed.Where(h => h.Name is "X-GitHub-Event" or "X-Gitlab-Event" or "X-Gitea-Event" or "X-Event-Key").ToArray()), "s3cret").ShouldBeFalse();
        if (type is not ("gitlab" or "harbor"))
        {
            provider.Verify(WebhookFixtures.Request(tampered, signed), "s3cret").ShouldBeFalse();
        }
    }

    [Fact]
    public void Gitea_also_accepts_the_github_style_signature_header()
    {
        var body = WebhookFixtures.Load("gitea-push.json");
        var hub = ("X-Hub-Signature-256", "sha256=" + WebhookSignature.HmacSha256Hex(body, "s3cret"));

        new GiteaWebhookProvider().Verify(WebhookFixtures.Request(body, hub), "s3cret").ShouldBeTrue();
        new GiteaWebhookProvider().Verify(WebhookFixtures.Request(body, ("X-Hub-Signature-256", "sha256=00ff")), "s3cret").ShouldBeFalse();
    }

    [Fact]
    public void Artifactory_names_the_virtual_repository_when_configured()
    {
        var receiver = new WebhookReceiverConfig
        {
            Name = "jfrog",
            Artifactory = new ArtifactoryWebhookReceiver { SecretRef = new LocalObjectReference { Name = "s" }, VirtualRepoName = "docker-virtual" },
        };

        var result = new ArtifactoryWebhookProvider().Parse(WebhookFixtures.Request(WebhookFixtures.Load("artifactory-push.json")), receiver);

        result.Event.ShouldNotBeNull().RepoUrls.ShouldBe(["example.jfrog.io/docker-virtual/app"]);
    }

    [Fact]
    public void A_github_tag_push_is_not_path_filtered()
    {
        var json = System.Text.Encoding.UTF8.GetString(WebhookFixtures.Load("github-push.json")).Replace("refs/heads/main", "refs/tags/v1.2.0", StringComparison.Ordinal);

        var result = new GitHubWebhookProvider().Parse(WebhookFixtures.Request(System.Text.Encoding.UTF8.GetBytes(json), ("X-GitHub-Event", "push")), Receiver("github"));

        result.Event.ShouldNotBeNull().ChangedPaths.ShouldBeNull();
    }

    private static IWebhookProvider Provider(string type) => Providers.Single(p => p.Type == type);

    private static WebhookReceiverConfig Receiver(string type)
    {
        var secret = new SecretWebhookReceiver { SecretRef = new LocalObjectReference { Name = "s" } };
        return type switch
        {
            "artifactory" => new WebhookReceiverConfig { Name = type, Artifactory = new ArtifactoryWebhookReceiver { SecretRef = secret.SecretRef } },
            _ => new WebhookReceiverConfig { Name = type, GitHub = secret },
        };
    }
}
