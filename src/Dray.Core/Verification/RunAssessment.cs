using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>The run's phase from its metrics: the worst finished one, once any ends badly or all succeed.</summary>
internal static class RunAssessment
{
    public static AnalysisRunStatus Assess(AnalysisRunStatus status, bool terminating)
    {
        var results = status.MetricResults ?? [];
        var summary = new RunSummary
        {
            Count = results.Count,
            Successful = results.Count(r => r.Phase == AnalysisPhase.Successful),
            Failed = results.Count(r => r.Phase == AnalysisPhase.Failed),
            Inconclusive = results.Count(r => r.Phase == AnalysisPhase.Inconclusive),
            Error = results.Count(r => r.Phase == AnalysisPhase.Error),
        };
        var worst = results.Where(r => r.Phase is AnalysisPhase.Failed or AnalysisPhase.Error or AnalysisPhase.Inconclusive)
            .OrderByDescending(r => Severity(r.Phase))
            .FirstOrDefault();
        if (worst is not null)
        {
            return status with { Phase = worst.Phase, Message = $"metric \"{worst.Name}\" assessed {worst.Phase}: {worst.Message}", RunSummary = summary };
        }

        var allDone = results.All(r => r.Phase == AnalysisPhase.Successful);
        return status with
        {
            Phase = allDone || terminating ? AnalysisPhase.Successful : AnalysisPhase.Running,
            RunSummary = summary,
        };
    }

    private static int Severity(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Failed => 3,
        AnalysisPhase.Error => 2,
        AnalysisPhase.Inconclusive => 1,
        _ => 0,
    };
}
