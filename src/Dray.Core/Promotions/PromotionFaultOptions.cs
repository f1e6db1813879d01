using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Promotions;

/// <summary>
/// Test-only fault injection: the engine kills its own process (SIGKILL, no cleanup) at a step boundary, so that
/// crash-recovery tests can stop a real server at an exact point. Both are 1-based step numbers; null is off.
/// Never set these in production.
/// </summary>
public sealed class PromotionFaultOptions
{
    /// <summary>Kill the process right after the status recording step N as finished has been saved.</summary>
    [Range(1, int.MaxValue)]
    public int? ExitAfterStep { get; set; }

    /// <summary>Kill the process after step N has run but before its finished status is saved (the step will run again).</summary>
    [Range(1, int.MaxValue)]
    public int? ExitBeforeSavingStep { get; set; }

    public bool Any => ExitAfterStep is not null || ExitBeforeSavingStep is not null;

    public void CopyTo(PromotionFaultOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.ExitAfterStep = ExitAfterStep;
        target.ExitBeforeSavingStep = ExitBeforeSavingStep;
    }
}
