using System.Text.Json.Nodes;
using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// Bitbucket Cloud and Data Center: <c>X-Hub-Signature: sha256=&lt;hex HMAC&gt;</c>. Handles <c>repo:push</c> (Cloud)
/// and <c>repo:refs_changed</c> (Data Center). Neither lists changed files, so no path filtering applies; the refs
/// come from <c>push.changes[].new</c> (Cloud: type and name) or <c>changes[].refId</c> (Data Center).
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
        if (eventKey is not ("repo:push" or "repo:refs_changed"))
        {
            return WebhookParseResult.Ignored($"Bitbucket event \"{eventKey}\" is not handled");
        }

        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        var urls = new List<string?>();
        IReadOnlyList<string>? refs;
        if (eventKey == "repo:push")
        {
            refs = PayloadJson.Refs(PayloadJson.Array(body, "push", "changes")?.Select(CloudRef) ?? []);
            urls.Add(PayloadJson.Str(body, "repository", "links", "html", "href"));
            if (PayloadJson.Str(body, "repository", "full_name") is { } fullName)
            {
                urls.Add($"https://bitbucket.org/{fullName}");
            }
        }
        else
        {
            refs = PayloadJson.Refs(PayloadJson.Array(body, "changes")?.Select(c => PayloadJson.Str(c, "refId") ?? PayloadJson.Str(c, "ref", "id")) ?? []);
            urls.AddRange(PayloadJson.Array(body, "repository", "links", "clone")?.Select(link => PayloadJson.Str(link, "href")) ?? []);
            urls.AddRange(PayloadJson.Array(body, "repository", "links", "self")?.Select(link => PayloadJson.Str(link, "href")) ?? []);
        }

        var distinct = PayloadJson.Urls([.. urls]);
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
