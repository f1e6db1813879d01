using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Core.Promotions;

/// <summary>
/// Decides whether a Freight may be promoted to a Stage (approval, verification upstream, soak). The rules belong
/// to the Stage lifecycle; the creator only asks.
/// </summary>
public interface IFreightAvailability
{
    /// <summary>Null when the Freight is available to the Stage, else the reason it is not.</summary>
    ValueTask<string?> CheckAsync(Stage stage, Freight freight, CancellationToken ct);
}
