using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// GitLab: <c>X-Gitlab-Token</c> equals the secret. Handles Push Hook (with changed files), Tag Push Hook and Merge
/// Request Hook (actions <c>merge</c> and <c>close</c>).
/// </summary>
public sealed class GitLabWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.GitLab;

    public bool Verify(WebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WebhookSignature.TokenMatches(request.Header("X-Gitlab-Token"), secret);
    }

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eventType = request.Header("X-Gitlab-Event") ?? "";
        if (eventType is not ("Push Hook" or "Tag Push Hook" or "Merge Request Hook"))
        {
            return WebhookParseResult.Ignored($"GitLab event \"{eventType}\" is not handled");
        }

        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        var urls = PayloadJson.Urls(
            PayloadJson.Str(body, "project", "git_http_url"),
            PayloadJson.Str(body, "project", "git_ssh_url"),
            PayloadJson.Str(body, "project", "web_url"),
            PayloadJson.Str(body, "repository", "git_http_url"),
            PayloadJson.Str(body, "repository", "git_ssh_url"),
            PayloadJson.Str(body, "repository", "homepage"));
        if (eventType == "Merge Request Hook")
        {
            var action = PayloadJson.Str(body, "object_attributes", "action") ?? "";
            var number = WebhookPullRequests.Number(PayloadJson.Object(body, "object_attributes")?["iid"]);
            return action is "merge" or "close"
                ? WebhookPullRequests.Ended(urls, number, $"merge request !{number} {action}")
                : WebhookParseResult.Ignored($"merge request action \"{action}\" does not end a merge request");
        }

        if (urls.Count == 0)
        {
            return WebhookParseResult.Invalid("push payload has no project.git_http_url");
        }

        // A new tag changes no files, yet it is exactly what tag-based subscriptions wait for.
        var changed = eventType == "Push Hook" ? PayloadJson.ChangedPaths(PayloadJson.Array(body, "commits")) : null;
        return WebhookParseResult.Of(new WebhookEvent(
            WebhookArtifactKind.Git,
            urls,
            changed,
            $"{eventType} to {PayloadJson.Str(body, "ref")}",
            PayloadJson.Refs([PayloadJson.Str(body, "ref")]),
            WebhookRefs.ShortBranch(PayloadJson.Str(body, "project", "default_branch"))));
    }
}
