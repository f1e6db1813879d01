using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// GitHub: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC&gt;</c>. Handles <c>push</c> (git, with changed files),
/// <c>package</c>/<c>registry_package</c> (container images on GHCR), <c>pull_request</c> (action <c>closed</c>,
/// merged or not) and <c>ping</c>.
/// </summary>
public sealed class GitHubWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.GitHub;

    public bool Verify(WebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WebhookSignature.HmacSha256Matches(request.Header("X-Hub-Signature-256"), request.Body, secret, "sha256=");
    }

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eventType = request.Header("X-GitHub-Event") ?? "";
        if (eventType == "ping")
        {
            return WebhookParseResult.Ignored("ping");
        }

        if (eventType is not ("push" or "package" or "registry_package" or "pull_request"))
        {
            return WebhookParseResult.Ignored($"GitHub event \"{eventType}\" is not handled");
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

        if (eventType == "push")
        {
            return urls.Count == 0
                ? WebhookParseResult.Invalid("push payload has no repository.clone_url")
                : WebhookParseResult.Of(new WebhookEvent(
                    WebhookArtifactKind.Git,
                    urls,
                    PayloadJson.PushedFiles(body),
                    $"push to {PayloadJson.Str(body, "ref")}",
                    PayloadJson.Refs([PayloadJson.Str(body, "ref")]),
                    WebhookRefs.ShortBranch(PayloadJson.Str(body, "repository", "default_branch") ?? PayloadJson.Str(body, "repository", "master_branch"))));
        }

        var package = PayloadJson.Object(body, eventType);
        var packageType = PayloadJson.Str(package, "package_type") ?? "";
        if (!packageType.Equals("container", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookParseResult.Ignored($"package type \"{packageType}\" is not a container image");
        }

        var packageUrl = PayloadJson.Str(package, "package_version", "package_url");
        var owner = PayloadJson.Str(package, "namespace") ?? PayloadJson.Str(package, "owner", "login");
        var name = PayloadJson.Str(package, "name");
        var image = !string.IsNullOrEmpty(packageUrl) ? PayloadJson.WithoutTag(packageUrl)
            : owner is not null && name is not null ? $"ghcr.io/{owner}/{name}"
            : null;
        return image is null
            ? WebhookParseResult.Invalid("package payload names no image (package_version.package_url)")
            : WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.Image, [image.ToLowerInvariant()], null, $"package {PayloadJson.Str(package, "package_version", "version")}"));
    }
}
