using Dray.Core.Model.Freights;

namespace Dray.Core.Stages;

/// <summary>One row of <see cref="AvailableFreightQuery"/>.</summary>
public sealed record AvailableFreight(Freight Freight, bool Available, string Reason);
