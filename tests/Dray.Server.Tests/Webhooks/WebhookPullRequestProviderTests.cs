using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Model.Common;
using Dray.Core.Model.Projects;
using Dray.Server.Webhooks;

namespace Dray.Server.Tests.Webhooks;

/// <summary>Pull request events that end a pull request, per provider, from payloads shaped after their docs.</summary>
public sealed class WebhookPullRequestProviderTests
{
    public static TheoryData<string, string, string, string, long> Ended => new()
    {
        { "github", "github-pull-request-closed.json", "pull_request", "https://github.com/example/app.git", 7 },
        { "gitlab", "gitlab-merge-request-merge.json", "Merge Request Hook", "https://gitlab.example.com/group/app.git", 1 },
        { "gitea", "gitea-pull-request-closed.json", "pull_request", "https://gitea.example.com/org/app.git", 1 },
        { "bitbucket", "bitbucket-cloud-pullrequest-fulfilled.json", "pullrequest:fulfilled", "https://bitbucket.org/team/app", 3 },
        { "bitbucket", "bitbucket-server-pr-merged.json", "pr:merged", "https://bitbucket.example.com/scm/proj/app.git", 9 },
        { "azure", "azure-devops-pullrequest-merged.json", "", "https://dev.azure.com/example/Project/_git/app", 5 },
    };

    [Theory]
    [MemberData(nameof(Ended))]
    public void A_merged_pull_request_names_its_repository_and_number(string type, string fixture, string eventName, string repoUrl, long number)
    {
        var body = WebhookFixtures.Load(fixture);
        var provider = Provider(type);
        var request = WebhookFixtures.Request(body, WebhookFixtures.SignedHeaders(type, eventName, body, "s3cret"));

        var parsed = provider.Parse(request, Receiver(type));

        provider.Verify(request, "s3cret").ShouldBeTrue();
        provider.Verify(WebhookFixtures.Request(body, WebhookFixtures.SignedHeaders(type, eventName, body, "other")), "s3cret").ShouldBe(type == "azure");
        var pullRequest = parsed.Event.ShouldNotBeNull(parsed.IgnoredReason ?? parsed.Error);
        pullRequest.Kind.ShouldBe(WebhookArtifactKind.PullRequest);
        pullRequest.RepoUrls.ShouldContain(repoUrl);
        pullRequest.PullRequest.ShouldBe(number);
    }

    [Theory]
    [InlineData("github", "github-pull-request-closed.json", "pull_request", "action", "opened")]
    [InlineData("github", "github-pull-request-closed.json", "pull_request", "action", "synchronize")]
    [InlineData("gitea", "gitea-pull-request-closed.json", "pull_request", "action", "opened")]
    [InlineData("gitlab", "gitlab-merge-request-merge.json", "Merge Request Hook", "object_attributes.action", "update")]
    [InlineData("azure", "azure-devops-pullrequest-merged.json", "", "eventType", "git.pullrequest.created")]
    public void Pull_request_events_that_do_not_end_one_are_ignored(string type, string fixture, string eventName, string field, string value)
    {
        var json = JsonNode.Parse(WebhookFixtures.Load(fixture))!.AsObject();
        var parts = field.Split('.');
        var target = parts.Length == 1 ? json : json[parts[0]]!.AsObject();
        target[parts[^1]] = value;
        var body = Encoding.UTF8.GetBytes(json.ToJsonString());

        var parsed = Provider(type).Parse(WebhookFixtures.Request(body, WebhookFixtures.SignedHeaders(type, eventName, body, "s3cret")), Receiver(type));

        parsed.Event.ShouldBeNull();
        parsed.IgnoredReason.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("completed", true)]
    [InlineData("abandoned", true)]
    [InlineData("active", false)]
    public void An_azure_devops_pull_request_update_ends_it_once_completed_or_abandoned(string status, bool ended)
    {
        var json = JsonNode.Parse(WebhookFixtures.Load("azure-devops-pullrequest-merged.json"))!.AsObject();
        json["eventType"] = "git.pullrequest.updated";
        json["resource"]!["status"] = status;

        var parsed = new AzureWebhookProvider().Parse(WebhookFixtures.Request(Encoding.UTF8.GetBytes(json.ToJsonString())), Receiver("azure"));

        (parsed.Event is { Kind: WebhookArtifactKind.PullRequest }).ShouldBe(ended);
    }

    [Fact]
    public void Bitbucket_declined_pull_requests_end_too()
    {
        var body = WebhookFixtures.Load("bitbucket-cloud-pullrequest-fulfilled.json");

        var parsed = new BitbucketWebhookProvider().Parse(WebhookFixtures.Request(body, ("X-Event-Key", "pullrequest:rejected")), Receiver("bitbucket"));

        parsed.Event.ShouldNotBeNull().PullRequest.ShouldBe(3);
    }

    private static IWebhookProvider Provider(string type) => type switch
    {
        "github" => new GitHubWebhookProvider(),
        "gitlab" => new GitLabWebhookProvider(),
        "gitea" => new GiteaWebhookProvider(),
        "bitbucket" => new BitbucketWebhookProvider(),
        _ => new AzureWebhookProvider(),
    };

    private static WebhookReceiverConfig Receiver(string type) =>
        new() { Name = type, GitHub = new SecretWebhookReceiver { SecretRef = new LocalObjectReference { Name = "s" } } };
}
