using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>Everything auto-promotion looks at for one Stage; loaded by the caller, judged purely.</summary>
public sealed record AutoPromotionInput
{
    public required Stage Stage { get; init; }

    public ProjectConfig? ProjectConfig { get; init; }

    /// <summary>All Freight of the project.</summary>
    public required IReadOnlyList<Freight> Freight { get; init; }

    /// <summary>The Promotions of this Stage, in any order.</summary>
    public required IReadOnlyList<Promotion> Promotions { get; init; }

    /// <summary>Holds keyed <c>Warehouse/&lt;name&gt;</c>; null uses the Stage's effective holds.</summary>
    public IReadOnlyDictionary<string, AutoPromotionHold>? Holds { get; init; }

    public required DateTimeOffset Now { get; init; }
}
