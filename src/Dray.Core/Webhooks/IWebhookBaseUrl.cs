namespace Dray.Core.Webhooks;

/// <summary>The externally reachable base URL that receiver paths are published under; the host knows it.</summary>
public interface IWebhookBaseUrl
{
    /// <summary>For example <c>https://dray.example.com</c>, without a trailing slash.</summary>
    string Get();
}
