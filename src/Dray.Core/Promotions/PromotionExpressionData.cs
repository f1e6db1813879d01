using System.Text.Json.Nodes;
using Dray.Core.Expressions.Kargo;

namespace Dray.Core.Promotions;

/// <summary>
/// What expression functions read during one Promotion, loaded before the steps run. Per step, the engine sets
/// <see cref="StepStatuses"/> and <see cref="CurrentStepAlias"/> with <c>with</c>.
/// </summary>
public sealed record PromotionExpressionData : IKargoExpressionContext
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<FreightOriginView> RequestedOrigins { get; init; } = [];

    public IReadOnlyList<FreightReferenceData> Freight { get; init; } = [];

    public IReadOnlyList<StepStatusData> StepStatuses { get; init; } = [];

    public string CurrentStepAlias { get; init; } = "";

    public IReadOnlyDictionary<string, WarehouseSubscriptionData> Warehouses { get; init; } =
        new Dictionary<string, WarehouseSubscriptionData>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Secrets { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonObject> FreightMetadata { get; init; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonObject> StageMetadata { get; init; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

    public WarehouseSubscriptionData? FindWarehouse(string name) => Warehouses.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> GetSecret(string name) => Secrets.GetValueOrDefault(name) ?? None;

    // Dray stores no ConfigMaps: configMap() reads as empty, like a missing one in Kargo.
    public IReadOnlyDictionary<string, string> GetConfigMap(string name) => None;

    public JsonObject? GetFreightMetadata(string freightName) => FreightMetadata.GetValueOrDefault(freightName);

    public JsonObject? GetStageMetadata(string stageName) => StageMetadata.GetValueOrDefault(stageName);
}
