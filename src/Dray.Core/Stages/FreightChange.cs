using Dray.Core.Model.Freights;

namespace Dray.Core.Stages;

/// <summary>The Freight after a transition, or why the transition is refused.</summary>
public sealed record FreightChange(Freight? Freight, string? Error)
{
    public bool Succeeded => Error is null;
}
