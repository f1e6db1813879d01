namespace Dray.Core.Promotions;

/// <summary>Settings of the promotion engine.</summary>
public sealed class PromotionEngineOptions
{
    /// <summary>Where each Promotion gets its work directory (<c>&lt;root&gt;/&lt;project&gt;/&lt;promotion&gt;</c>).</summary>
    public string WorkRoot { get; set; } = Path.Join(Path.GetTempPath(), "dray-promotions");

    /// <summary>When a step says Running without a <c>RetryAfter</c>, look again after this long.</summary>
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay before retrying an errored step; doubled per consecutive error up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a Promotion waiting behind another one of the same Stage checks whether its turn came.</summary>
    public TimeSpan QueueRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Test-only crash points; see <see cref="PromotionFaultOptions"/>.</summary>
    public PromotionFaultOptions Faults { get; set; } = new();
}
