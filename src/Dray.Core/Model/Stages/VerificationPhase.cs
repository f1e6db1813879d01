namespace Dray.Core.Model.Stages;

/// <summary>The phase of one verification attempt: Argo Rollouts' AnalysisRun phases plus Kargo's <c>Aborted</c>.</summary>
public enum VerificationPhase
{
    Pending,
    Running,
    Successful,
    Failed,
    Error,
    Inconclusive,
    Aborted,
}
