using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// Harbor: the <c>Authorization</c> header equals the secret (Harbor's "Auth Header" field). Handles
/// <c>PUSH_ARTIFACT</c>; each pushed resource's <c>resource_url</c> names the repository (an image or an OCI chart).
/// </summary>
public sealed class HarborWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.Harbor;

    public bool Verify(WebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WebhookSignature.TokenMatches(request.Header("Authorization"), secret);
    }

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        var type = PayloadJson.Str(body, "type") ?? "";
        if (type != "PUSH_ARTIFACT")
        {
            return WebhookParseResult.Ignored($"Harbor event \"{type}\" is not handled");
        }

        var resources = PayloadJson.Array(body, "event_data", "resources") ?? [];
        var urls = PayloadJson.Urls([.. resources.Select(r => PayloadJson.Str(r, "resource_url") is { } url ? PayloadJson.WithoutTag(url) : null)]);
        return urls.Count == 0
            ? WebhookParseResult.Invalid("payload has no event_data.resources[].resource_url")
            : WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.Image, urls, null, "PUSH_ARTIFACT"));
    }
}
