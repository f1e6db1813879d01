using System.Text.Json.Nodes;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Warehouses;

/// <summary>What <c>freightCreationCriteria</c> sees: the Freight about to be created and its own Warehouse, nothing else.</summary>
internal sealed class CandidateFreightContext(Warehouse warehouse, Freight freight) : IKargoExpressionContext
{
    public IReadOnlyList<FreightOriginView> RequestedOrigins { get; } = [freight.Origin.ToExpressionView()];

    public IReadOnlyList<FreightReferenceData> Freight { get; } =
    [
        new FreightReference
        {
            Name = freight.Metadata.Name,
            Origin = freight.Origin,
            Commits = freight.Commits,
            Images = freight.Images,
            Charts = freight.Charts,
            Artifacts = freight.Artifacts,
        }.ToExpressionData(),
    ];

    public IReadOnlyList<StepStatusData> StepStatuses => [];

    public string CurrentStepAlias => "";

    public WarehouseSubscriptionData? FindWarehouse(string name) =>
        name == warehouse.Metadata.Name ? warehouse.Spec.ToExpressionData() : null;

    public IReadOnlyDictionary<string, string> GetSecret(string name) => new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> GetConfigMap(string name) => new Dictionary<string, string>();

    public JsonObject? GetFreightMetadata(string freightName) => null;

    public JsonObject? GetStageMetadata(string stageName) => null;
}
