using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Stages;

/// <summary>Settings of the Stage controller.</summary>
public sealed class StageReconcilerOptions
{
    /// <summary>Actor recorded on Promotions the controller creates (must start with <c>controller:</c>).</summary>
    [Required]
    [RegularExpression("^controller:.+$")]
    public string Actor { get; set; } = "controller:dray";

    /// <summary>How soon health is checked again while it is not Healthy (Argo CD has no change feed to follow).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan HealthRecheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a healthy Stage with health checks looks at them again; a read, never a write unless it changed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HealthyRecheckInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The safety-net resync of every Stage; normal work follows the change feed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(30);

    [Range(1, 64)]
    public int Workers { get; set; } = 4;
}
