namespace Dray.Steps.ApiClients;

/// <summary>Retry and timeout settings for calls to git hosting and Argo CD APIs.</summary>
public sealed record ApiTransportOptions
{
    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
