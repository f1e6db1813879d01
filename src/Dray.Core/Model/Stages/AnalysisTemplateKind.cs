namespace Dray.Core.Model.Stages;

public enum AnalysisTemplateKind
{
    AnalysisTemplate,
    ClusterAnalysisTemplate,
}
