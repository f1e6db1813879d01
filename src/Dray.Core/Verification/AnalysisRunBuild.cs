using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>The built run, or every reason it could not be built.</summary>
public sealed record AnalysisRunBuild(AnalysisRun? Run, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Run is not null;
}
