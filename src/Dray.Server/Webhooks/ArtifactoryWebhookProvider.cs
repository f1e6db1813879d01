using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// JFrog Artifactory: <c>X-JFrog-Event-Auth: &lt;hex HMAC&gt;</c> (the webhook's secret token with "use secret for
/// payload signing"). Handles <c>pushed</c> in the <c>docker</c> domain; the repository is
/// <c>&lt;origin host&gt;/&lt;repo_key&gt;/&lt;image_name&gt;</c>, with <c>virtualRepoName</c> in place of <c>repo_key</c> when set.
/// </summary>
public sealed class ArtifactoryWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.Artifactory;

    public bool Verify(WebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WebhookSignature.HmacSha256Matches(request.Header("X-JFrog-Event-Auth"), request.Body, secret);
    }

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(receiver);
        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        var domain = PayloadJson.Str(body, "domain") ?? "";
        var eventType = PayloadJson.Str(body, "event_type") ?? "";
        if (domain != "docker" || eventType != "pushed")
        {
            return WebhookParseResult.Ignored($"Artifactory event \"{domain}/{eventType}\" is not handled");
        }

        var origin = PayloadJson.Str(body, "jpd_origin");
        var repoKey = receiver.Artifactory?.VirtualRepoName is { Length: > 0 } virtualRepo ? virtualRepo : PayloadJson.Str(body, "data", "repo_key");
        var imageName = PayloadJson.Str(body, "data", "image_name");
        if (origin is null || !Uri.TryCreate(origin, UriKind.Absolute, out var originUri) || repoKey is null || imageName is null)
        {
            return WebhookParseResult.Invalid("payload needs jpd_origin, data.repo_key and data.image_name");
        }

        var image = $"{originUri.Authority}/{repoKey}/{imageName}".ToLowerInvariant();
        return WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.Image, [image], null, $"push of tag {PayloadJson.Str(body, "data", "tag")}"));
    }
}
