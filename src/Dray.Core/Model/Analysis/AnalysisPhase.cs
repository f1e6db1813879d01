namespace Dray.Core.Model.Analysis;

public enum AnalysisPhase
{
    Pending,
    Running,
    Successful,
    Failed,
    Error,
    Inconclusive,
}
