using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Promotions;
using Dray.Core.Stages;

namespace Dray.Server.Controllers;

/// <summary>Lets the promotion creator refuse Freight the Stage lifecycle rules do not make available.</summary>
internal sealed class StageFreightAvailability(TimeProvider time) : IFreightAvailability
{
    public ValueTask<string?> CheckAsync(Stage stage, Freight freight, CancellationToken ct)
    {
        var availability = FreightAvailability.Evaluate(stage, freight, time.GetUtcNow());
        return ValueTask.FromResult(availability.Available ? null : availability.Reason);
    }
}
