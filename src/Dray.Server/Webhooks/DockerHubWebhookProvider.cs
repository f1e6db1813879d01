using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>Docker Hub: unsigned; the URL is the secret. A push names <c>repository.repo_name</c> (<c>namespace/name</c>).</summary>
public sealed class DockerHubWebhookProvider : IWebhookProvider
{
    public string Type => WebhookReceiverBinding.DockerHub;

    public bool Verify(WebhookRequest request, string secret) => true;

    public WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.JsonBody() is not { } body)
        {
            return WebhookParseResult.Invalid("the body is not a JSON object");
        }

        return PayloadJson.Str(body, "repository", "repo_name") is { Length: > 0 } name
            ? WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.Image, [$"docker.io/{name}"], null, $"push of tag {PayloadJson.Str(body, "push_data", "tag")}"))
            : WebhookParseResult.Invalid("payload has no repository.repo_name");
    }
}
