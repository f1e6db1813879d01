using System.Text.Json.Nodes;

namespace Dray.Core.Expressions.Kargo;

/// <summary>
/// The data Kargo's expression functions read. The promotion engine implements it over the store; reads are
/// synchronous because expressions are, so the engine loads what it needs before evaluating.
/// </summary>
public interface IKargoExpressionContext
{
    /// <summary>The origins the Stage requests Freight from (its <c>requestedFreight</c>).</summary>
    IReadOnlyList<FreightOriginView> RequestedOrigins { get; }

    /// <summary>The Freight being promoted, or for verification the Stage's current Freight collection.</summary>
    IReadOnlyList<FreightReferenceData> Freight { get; }

    /// <summary>Earlier steps of the running Promotion, in order; empty outside promotions.</summary>
    IReadOnlyList<StepStatusData> StepStatuses { get; }

    /// <summary>Alias of the step being evaluated ("task::alias" inside a task); "" outside promotions.</summary>
    string CurrentStepAlias { get; }

    /// <summary>The subscriptions of a Warehouse of the project, or null when it does not exist.</summary>
    WarehouseSubscriptionData? FindWarehouse(string name);

    /// <summary>Decoded data of a project Secret; empty when missing.</summary>
    IReadOnlyDictionary<string, string> GetSecret(string name);

    /// <summary>Data of a project ConfigMap; empty when missing.</summary>
    IReadOnlyDictionary<string, string> GetConfigMap(string name);

    /// <summary>A Freight's <c>status.metadata</c>; null when the Freight is missing or has none.</summary>
    JsonObject? GetFreightMetadata(string freightName);

    /// <summary>A Stage's <c>status.metadata</c>; null when the Stage is missing or has none.</summary>
    JsonObject? GetStageMetadata(string stageName);
}
