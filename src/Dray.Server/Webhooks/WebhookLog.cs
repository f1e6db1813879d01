namespace Dray.Server.Webhooks;

/// <summary>Webhook log lines. Never a secret, a token or a signature.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for an unknown {Type} receiver path")]
    public static partial void UnknownReceiver(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook receiver {Project}/{Receiver} ({Type}): signature or token does not match; nothing refreshed")]
    public static partial void BadSignature(ILogger logger, string project, string receiver, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook receiver {Project}/{Receiver} ({Type}): {Description}; refreshed {Count} Warehouse(s), {FilteredOut} skipped by ref or path filters")]
    public static partial void Refreshed(ILogger logger, string project, string receiver, string type, string description, int count, int filteredOut);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook receiver {Project}/{Receiver} ({Type}): {Description}; woke {Count} Promotion(s) waiting in git-wait-for-pr")]
    public static partial void WokePromotions(ILogger logger, string project, string receiver, string type, string description, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook receiver {Project}/{Receiver} ({Type}): ignored, {Reason}")]
    public static partial void Ignored(ILogger logger, string project, string receiver, string type, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook receiver {Project}/{Receiver} ({Type}): bad payload: {Error}")]
    public static partial void BadPayload(ILogger logger, string project, string receiver, string type, string error);
}
