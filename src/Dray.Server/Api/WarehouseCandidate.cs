using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;

namespace Dray.Server.Api;

/// <summary><c>promote --warehouse W</c>: the Stage's auto-promotion candidate from that Warehouse (Kargo §6.7).</summary>
internal static class WarehouseCandidate
{
    public static async Task<(string? Freight, string Refusal)> FindAsync(IResourceStore store, Stage stage, string warehouse, DateTimeOffset now, CancellationToken ct)
    {
        var origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = warehouse };
        var request = FreightAvailability.FindRequest(stage, origin);
        if (request is null)
        {
            return (null, $"Stage \"{stage.Metadata.Name}\" does not request Freight from {origin}");
        }

        var freight = await StageListing.ListAsync<Freight>(store, ResourceKinds.Freight.Kind, stage.Metadata.Namespace ?? "", ct).ConfigureAwait(false);
        var input = new AutoPromotionInput { Stage = stage, Freight = freight, Promotions = [], Now = now };
        var (candidate, reason) = AutoPromotionSelector.Candidate(input, request);
        return (candidate?.Metadata.Name, reason);
    }
}
