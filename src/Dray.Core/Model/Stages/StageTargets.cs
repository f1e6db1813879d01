using Dray.Core.Model.Common;

namespace Dray.Core.Model.Stages;

public sealed record StageTargets
{
    public required IReadOnlyList<LabelSelector> Selectors { get; init; }
}
