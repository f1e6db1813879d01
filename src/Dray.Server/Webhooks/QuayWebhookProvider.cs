using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>Quay: unsigned; the URL is the secret. A push notification names <c>docker_url</c> and <c>updated_tags</c>.</summary>
public sealed class QuayWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.Quay;

    public bool Verify(WebhookRequest request, string secret) => true;

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        var image = PayloadJson.Str(body, "docker_url")
            ?? (PayloadJson.Str(body, "repository") is { } repository ? $"quay.io/{repository}" : null);
        var tags = string.Join(", ", PayloadJson.Strings(PayloadJson.Array(body, "updated_tags")));
        return image is null
            ? WebhookParseResult.Invalid("payload has no docker_url")
            : WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.Image, [image], null, $"push of tags {tags}"));
    }
}
