using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

public sealed record ProjectStatus
{
    public IReadOnlyList<Condition>? Conditions { get; init; }

    public ProjectStats? Stats { get; init; }
}
