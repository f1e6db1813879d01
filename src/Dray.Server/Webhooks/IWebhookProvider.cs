using Dray.Core.Model.Projects;

namespace Dray.Server.Webhooks;

/// <summary>One receiver type (reference §7.3): how its deliveries are authenticated and what they name.</summary>
public interface IWebhookProvider
{
    /// <summary>The receiver type, as in the URL path: <c>github</c>, <c>quay</c>...</summary>
    string Type { get; }

    /// <summary>
    /// True when the delivery is authentic. Providers that do not sign return true: the hard-to-guess URL, already
    /// matched, is their only check.
    /// </summary>
    bool Verify(WebhookRequest request, string secret);

    WebhookParseResult Parse(WebhookRequest request, WebhookReceiverConfig receiver);
}
