using System.ComponentModel.DataAnnotations;

namespace Dray.Sources.Oci;

public sealed record OciRegistryClientOptions
{
    /// <summary>Named HttpClient used for registries whose certificate is verified.</summary>
    public const string HttpClientName = "dray-oci";

    /// <summary>Named HttpClient used when a subscription sets <c>insecureSkipTLSVerify</c>.</summary>
    public const string InsecureHttpClientName = "dray-oci-insecure";

    /// <summary>Retries after the first attempt for 429, 5xx, 408, timeouts and connection failures.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>n</c> asked for on each tag list page; registries may return fewer.</summary>
    [Range(1, 100_000)]
    public int TagPageSize { get; init; } = 1000;

    /// <summary>Manifest/config fetches in flight at once for one discovery (NewestBuild).</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <summary>A token is dropped this long before the expiry the token server announced.</summary>
    public TimeSpan TokenExpirySkew { get; init; } = TimeSpan.FromSeconds(10);
}
