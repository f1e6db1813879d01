using System.Text.Json.Nodes;
using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// Azure: unsigned; the URL is the secret. Azure Container Registry sends <c>push</c>/<c>chart_push</c>/<c>ping</c>
/// actions (<c>request.host</c> + <c>target.repository</c>); Azure DevOps service hooks send <c>eventType: git.push</c>
/// with <c>resource.repository.remoteUrl</c>, the updated refs in <c>resource.refUpdates[].name</c> and the default
/// branch in <c>resource.repository.defaultBranch</c> (no changed files, so no path filtering).
/// </summary>
public sealed class AzureWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.Azure;

    public bool Verify(WebhookRequest request, string secret) => true;

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        if (PayloadJson.Str(body, "eventType") is { } devOpsEvent)
        {
            if (devOpsEvent is "git.pullrequest.merged" or "git.pullrequest.updated")
            {
                return PullRequest(body, devOpsEvent);
            }

            if (devOpsEvent != "git.push")
            {
                return WebhookParseResult.Ignored($"Azure DevOps event \"{devOpsEvent}\" is not handled");
            }

            var remote = PayloadJson.Str(body, "resource", "repository", "remoteUrl");
            return remote is null
                ? WebhookParseResult.Invalid("git.push payload has no resource.repository.remoteUrl")
                : WebhookParseResult.Of(new WebhookEvent(
                    WebhookArtifactKind.Git,
                    [remote],
                    null,
                    "git.push",
                    PayloadJson.Refs(PayloadJson.Array(body, "resource", "refUpdates")?.Select(update => PayloadJson.Str(update, "name")) ?? []),
                    WebhookRefs.ShortBranch(PayloadJson.Str(body, "resource", "repository", "defaultBranch"))));
        }

        var action = PayloadJson.Str(body, "action") ?? "";
        return Registry(body, action);
    }

    /// <summary>
    /// "Pull request merge attempted" (<c>git.pullrequest.merged</c>) whatever its outcome, and "Pull request updated"
    /// (<c>git.pullrequest.updated</c>) once the status is <c>completed</c> or <c>abandoned</c>.
    /// </summary>
    private static WebhookParseResult PullRequest(JsonObject body, string devOpsEvent)
    {
        var status = PayloadJson.Str(body, "resource", "status") ?? "";
        if (devOpsEvent == "git.pullrequest.updated" && status is not ("completed" or "abandoned"))
        {
            return WebhookParseResult.Ignored($"pull request status \"{status}\" does not end a pull request");
        }

        var number = WebhookPullRequests.Number(PayloadJson.Object(body, "resource")?["pullRequestId"]);
        var urls = PayloadJson.Urls(PayloadJson.Str(body, "resource", "repository", "remoteUrl"));
        return WebhookPullRequests.Ended(urls, number, $"{devOpsEvent} #{number} ({status})");
    }

    private static WebhookParseResult Registry(JsonObject body, string action)
    {
        if (action is not ("push" or "chart_push"))
        {
            return WebhookParseResult.Ignored($"Azure Container Registry action \"{action}\" is not handled");
        }

        var host = PayloadJson.Str(body, "request", "host");
        var repository = PayloadJson.Str(body, "target", "repository") ?? PayloadJson.Str(body, "target", "name");
        return host is null || repository is null
            ? WebhookParseResult.Invalid("push payload needs request.host and target.repository")
            : WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.Image, [$"{host}/{repository}".ToLowerInvariant()], null, $"{action} of tag {PayloadJson.Str(body, "target", "tag")}"));
    }
}
