using System.ComponentModel.DataAnnotations;

namespace Dray.Sources.Oci;

/// <summary>Token bucket shape for one (registry host, credential) pair.</summary>
public sealed record RegistryRateLimitOptions
{
    /// <summary>Burst size: requests that may start at once after an idle period.</summary>
    [Range(1, 10_000)]
    public int TokenLimit { get; init; } = 100;

    [Range(1, 10_000)]
    public int TokensPerPeriod { get; init; } = 50;

    public TimeSpan ReplenishmentPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Callers waiting for a token; beyond this a request fails instead of queueing.</summary>
    [Range(0, 1_000_000)]
    public int QueueLimit { get; init; } = 100_000;
}
