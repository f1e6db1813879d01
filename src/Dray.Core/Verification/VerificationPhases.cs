using Dray.Core.Model.Analysis;
using Dray.Core.Model.Stages;

namespace Dray.Core.Verification;

public static class VerificationPhases
{
    /// <summary>An AnalysisRun's phase as a verification phase; a run stopped by an abort is <c>Aborted</c>.</summary>
    public static VerificationPhase From(AnalysisRun run, bool aborted)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (aborted)
        {
            return VerificationPhase.Aborted;
        }

        return run.Status?.Phase switch
        {
            null or AnalysisPhase.Pending => VerificationPhase.Pending,
            AnalysisPhase.Running => VerificationPhase.Running,
            AnalysisPhase.Successful => VerificationPhase.Successful,
            AnalysisPhase.Failed => VerificationPhase.Failed,
            AnalysisPhase.Error => VerificationPhase.Error,
            _ => VerificationPhase.Inconclusive,
        };
    }
}
