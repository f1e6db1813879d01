using Dray.Core.Model.Freights;

namespace Dray.Core.Model.Stages;

/// <summary>One origin a Stage takes Freight from, and the places that Freight may come through.</summary>
public sealed record FreightRequest
{
    public required FreightOrigin Origin { get; init; }

    public required FreightSources Sources { get; init; }
}
