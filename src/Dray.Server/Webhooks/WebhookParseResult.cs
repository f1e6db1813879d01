namespace Dray.Server.Webhooks;

/// <summary>The outcome of reading a payload: an event to act on, a delivery to ignore, or a malformed one.</summary>
public sealed record WebhookParseResult
{
    public WebhookEvent? Event { get; private init; }

    /// <summary>Why an authentic delivery needs no action (a ping, an event type not handled).</summary>
    public string? IgnoredReason { get; private init; }

    /// <summary>What is wrong with a malformed payload.</summary>
    public string? Error { get; private init; }

    public static WebhookParseResult Of(WebhookEvent webhookEvent) => new() { Event = webhookEvent };

    public static WebhookParseResult Ignored(string reason) => new() { IgnoredReason = reason };

    public static WebhookParseResult Invalid(string error) => new() { Error = error };
}
