using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// Gitea: <c>X-Gitea-Signature: &lt;hex HMAC&gt;</c>, or <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> when only that is
/// sent. Handles <c>push</c> (with changed files) and <c>pull_request</c> (action <c>closed</c>, merged or not).
/// </summary>
public sealed class GiteaWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.Gitea;

    public bool Verify(WebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Header("X-Gitea-Signature") is { } gitea
            ? WebhookSignature.HmacSha256Matches(gitea, request.Body, secret)
            : WebhookSignature.HmacSha256Matches(request.Header("X-Hub-Signature-256"), request.Body, secret, "sha256=");
    }

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eventType = request.Header("X-Gitea-Event") ?? request.Header("X-GitHub-Event") ?? "";
        if (eventType is not ("push" or "pull_request"))
        {
            return WebhookParseResult.Ignored($"Gitea event \"{eventType}\" is not handled");
        }

        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        var urls = PayloadJson.Urls(
            PayloadJson.Str(body, "repository", "clone_url"),
            PayloadJson.Str(body, "repository", "html_url"),
            PayloadJson.Str(body, "repository", "ssh_url"));
        if (eventType == "pull_request")
        {
            return WebhookPullRequests.FromPullRequestEvent(body, urls);
        }

        return urls.Count == 0
            ? WebhookParseResult.Invalid("push payload has no repository.clone_url")
            : WebhookParseResult.Of(new WebhookEvent(
                WebhookArtifactKind.Git,
                urls,
                PayloadJson.PushedFiles(body),
                $"push to {PayloadJson.Str(body, "ref")}",
                PayloadJson.Refs([PayloadJson.Str(body, "ref")]),
                WebhookRefs.ShortBranch(PayloadJson.Str(body, "repository", "default_branch"))));
    }
}
