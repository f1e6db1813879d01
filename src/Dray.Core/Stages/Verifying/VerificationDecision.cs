namespace Dray.Core.Stages.Verifying;

public enum VerificationAction
{
    /// <summary>Nothing to do.</summary>
    None,

    /// <summary>Start a new verification of the current FreightCollection.</summary>
    Start,

    /// <summary>Take the measurements that are due for the running verification.</summary>
    Poll,

    /// <summary>Terminate the running verification; its phase becomes Aborted.</summary>
    Abort,

    /// <summary>No verification is configured: the current Freight counts as verified as it is.</summary>
    MarkVerified,
}

/// <summary>What the Stage controller does about verification now, and why.</summary>
public sealed record VerificationDecision(VerificationAction Action, string Reason, string? Actor = null);
