namespace Dray.Core.Stages;

/// <summary>Condition types and reasons a Stage reports (Kargo's <c>Ready</c>, <c>Reconciling</c>, <c>Promoting</c>, <c>Healthy</c>, <c>Verified</c>).</summary>
public static class StageConditions
{
    public const string Ready = "Ready";
    public const string Reconciling = "Reconciling";
    public const string Promoting = "Promoting";
    public const string Healthy = "Healthy";
    public const string Verified = "Verified";

    public const string ReadyReason = "Ready";
    public const string ControlFlowReason = "ControlFlow";
    public const string NoFreightReason = "NoFreight";
    public const string ActivePromotionReason = "ActivePromotion";
    public const string LastPromotionFailedReason = "LastPromotionFailed";

    public const string HealthyReason = "Healthy";
    public const string UnhealthyReason = "Unhealthy";
    public const string ProgressingReason = "Progressing";
    public const string HealthUnknownReason = "HealthUnknown";
    public const string HealthNotApplicableReason = "HealthNotApplicable";

    public const string VerifyingReason = "Verifying";
    public const string VerificationSucceededReason = "VerificationSucceeded";
    public const string VerificationFailedReason = "VerificationFailed";
    public const string VerificationErroredReason = "VerificationErrored";
    public const string VerificationInconclusiveReason = "VerificationInconclusive";
    public const string VerificationAbortedReason = "VerificationAborted";
    public const string NoVerificationReason = "NoVerification";
    public const string AwaitingHealthReason = "AwaitingHealth";
    public const string AwaitingVerificationReason = "AwaitingVerification";
}
