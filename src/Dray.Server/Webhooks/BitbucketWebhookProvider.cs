using System.Text.Json.Nodes;
using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// Bitbucket Cloud and Data Center: <c>X-Hub-Signature: sha256=&lt;hex HMAC&gt;</c>. Handles <c>repo:push</c> (Cloud)
/// and <c>repo:refs_changed</c> (Data Center). Neither lists changed files, so no path filtering applies; the refs
/// come from <c>push.changes[].new</c> (Cloud: type and name) or <c>changes[].refId</c> (Data Center). Pull requests
/// that end: <c>pullrequest:fulfilled</c>/<c>pullrequest:rejected</c> (Cloud), <c>pr:merged</c>/<c>pr:declined</c>/<c>pr:deleted</c> (Data Center).
/// </summary>
public sealed class BitbucketWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.Bitbucket;

    public bool Verify(WebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WebhookSignature.HmacSha256Matches(request.Header("X-Hub-Signature"), request.Body, secret, "sha256=");
    }

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eventKey = request.Header("X-Event-Key") ?? "";
        var pullRequestEnded = eventKey is "pullrequest:fulfilled" or "pullrequest:rejected" or "pr:merged" or "pr:declined" or "pr:deleted";
        if (eventKey is not ("repo:push" or "repo:refs_changed") && !pullRequestEnded)
        {
            return WebhookParseResult.Ignored($"Bitbucket event \"{eventKey}\" is not handled");
        }

        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        if (pullRequestEnded)
        {
            // Cloud names the repository at the top level; Data Center inside the pull request's target ref.
            var cloud = eventKey.StartsWith("pullrequest:", StringComparison.Ordinal);
            var repository = cloud ? PayloadJson.Object(body, "repository") : PayloadJson.Object(body, "pullRequest", "toRef", "repository");
            var number = WebhookPullRequests.Number(PayloadJson.Object(body, cloud ? "pullrequest" : "pullRequest")?["id"]);
            return WebhookPullRequests.Ended(PayloadJson.Urls([.. RepositoryUrls(repository, cloud)]), number, $"{eventKey} #{number}");
        }

        var isCloud = eventKey == "repo:push";
        var refs = isCloud
            ? PayloadJson.Refs(PayloadJson.Array(body, "push", "changes")?.Select(CloudRef) ?? [])
            : PayloadJson.Refs(PayloadJson.Array(body, "changes")?.Select(c => PayloadJson.Str(c, "refId") ?? PayloadJson.Str(c, "ref", "id")) ?? []);
        var distinct = PayloadJson.Urls([.. RepositoryUrls(PayloadJson.Object(body, "repository"), isCloud)]);
        return distinct.Count == 0
            ? WebhookParseResult.Invalid("push payload names no repository URL (repository.links)")
            : WebhookParseResult.Of(new WebhookEvent(
                WebhookArtifactKind.Git,
                distinct,
                null,
                eventKey,
                refs,
                WebhookRefs.ShortBranch(PayloadJson.Str(body, "repository", "mainbranch", "name"))));
    }

    /// <summary>Cloud: <c>links.html</c> and the <c>full_name</c> on bitbucket.org; Data Center: <c>links.clone</c> and <c>links.self</c>.</summary>
    private static List<string?> RepositoryUrls(JsonObject? repository, bool cloud)
    {
        var urls = new List<string?>();
        if (cloud)
        {
            urls.Add(PayloadJson.Str(repository, "links", "html", "href"));
            if (PayloadJson.Str(repository, "full_name") is { } fullName)
            {
                urls.Add($"https://bitbucket.org/{fullName}");
            }
        }
        else
        {
            urls.AddRange(PayloadJson.Array(repository, "links", "clone")?.Select(link => PayloadJson.Str(link, "href")) ?? []);
            urls.AddRange(PayloadJson.Array(repository, "links", "self")?.Select(link => PayloadJson.Str(link, "href")) ?? []);
        }

        return urls;
    }

    /// <summary>
    /// A Cloud change names its ref by type and short name, in <c>new</c> (or only in <c>old</c> when the ref was
    /// deleted); null for a type other than branch or tag, so that such a change is not mistaken for either.
    /// </summary>
    private static string? CloudRef(JsonNode? change)
    {
        var state = PayloadJson.Object(change, "new") ?? PayloadJson.Object(change, "old");
        var name = PayloadJson.Str(state, "name");
        return (PayloadJson.Str(state, "type"), name) switch
        {
            (_, null) => null,
            ("branch" or "named_branch", _) => WebhookRefs.BranchPrefix + name,
            ("tag" or "annotated_tag", _) => WebhookRefs.TagPrefix + name,
            _ => null,
        };
    }
}
