using System.ComponentModel.DataAnnotations;

namespace Dray.Core.GarbageCollection;

/// <summary>How much history the garbage collector keeps (Kargo's defaults: 20 of each, two weeks).</summary>
public sealed class GarbageCollectionOptions
{
    /// <summary>Freight kept per Warehouse beyond (older than) the oldest Freight in use.</summary>
    [Range(0, 100_000)]
    public int MaxRetainedFreight { get; set; } = 20;

    /// <summary>Freight younger than this is never deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan MinFreightDeletionAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Finished Promotions kept per Stage.</summary>
    [Range(0, 100_000)]
    public int MaxRetainedPromotions { get; set; } = 20;

    /// <summary>Promotions younger than this are never deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan MinPromotionDeletionAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often a pass runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
