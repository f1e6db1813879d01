namespace Dray.Server.Webhooks;

/// <summary>What the endpoint answers: 200 with the count, or a problem status with a message free of secrets.</summary>
public sealed record WebhookOutcome(int StatusCode, int Refreshed, string Message)
{
    public static WebhookOutcome Ok(int refreshed, string message) => new(StatusCodes.Status200OK, refreshed, message);

    public static WebhookOutcome Problem(int status, string message) => new(status, 0, message);
}
