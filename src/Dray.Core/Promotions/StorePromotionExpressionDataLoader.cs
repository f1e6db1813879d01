using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Stages;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Promotion = Dray.Core.Model.Promotions.Promotion;

namespace Dray.Core.Promotions;

/// <summary>
/// Reads the Stage, the target Freight, the requested Warehouses and the project's Secrets from the store; Secret values
/// through <paramref name="secretValues"/> when the host stores them encrypted.
/// </summary>
public sealed class StorePromotionExpressionDataLoader(IResourceStore store, ISecretValues? secretValues = null) : IPromotionExpressionDataLoader
{
    public async Task<PromotionExpressionData> LoadAsync(Promotion promotion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var project = promotion.Metadata.Namespace ?? "";
        var stage = await GetAsync<Stage>(ResourceKinds.Stage.Kind, project, promotion.Spec.Stage, ct).ConfigureAwait(false);
        var freight = promotion.Spec.Freight is { } freightName
            ? await GetAsync<Freight>(ResourceKinds.Freight.Kind, project, freightName, ct).ConfigureAwait(false)
            : null;

        var origins = stage?.Spec.RequestedFreight.Select(r => r.Origin).ToList() ?? [];
        var warehouses = new Dictionary<string, WarehouseSubscriptionData>(StringComparer.Ordinal);
        foreach (var origin in origins.Where(o => o.Kind == FreightOriginKind.Warehouse).DistinctBy(o => o.Name))
        {
            if (await GetAsync<Warehouse>(ResourceKinds.Warehouse.Kind, project, origin.Name, ct).ConfigureAwait(false) is { } warehouse)
            {
                warehouses[origin.Name] = warehouse.Spec.ToExpressionData();
            }
        }

        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var page = await store.ListAsync(new ListQuery(ResourceKinds.Secret.Kind, project), ct).ConfigureAwait(false);
        foreach (var document in page.Items)
        {
            if (secretValues is not null && await secretValues.ReadAsync(project, document.Name, ct).ConfigureAwait(false) is { } clear)
            {
                secrets[document.Name] = clear;
                continue;
            }

            var secret = KargoJson.FromDocument<Secret>(document);
            var keys = (secret.Data?.Keys ?? []).Concat(secret.StringData?.Keys ?? []).Distinct(StringComparer.Ordinal);
            secrets[document.Name] = keys
                .Select(k => (Key: k, Ok: secret.TryGetValue(k, out var v), Value: v))
                .Where(e => e.Ok)
                .ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal);
        }

        return new PromotionExpressionData
        {
            RequestedOrigins = origins.Select(o => o.ToExpressionView()).ToList(),
            Freight = freight is null ? [] : [ToReference(freight).ToExpressionData()],
            Warehouses = warehouses,
            Secrets = secrets,
            FreightMetadata = Metadata(freight?.Metadata.Name, freight?.Status?.Metadata),
            StageMetadata = Metadata(stage?.Metadata.Name, stage?.Status?.Metadata),
        };
    }

    internal static FreightReference ToReference(Freight freight) => new()
    {
        Name = freight.Metadata.Name,
        Origin = freight.Origin,
        Commits = freight.Commits,
        Images = freight.Images,
        Charts = freight.Charts,
        Artifacts = freight.Artifacts,
    };

    private static Dictionary<string, JsonObject> Metadata(string? name, IReadOnlyDictionary<string, JsonElement>? metadata)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (name is not null && metadata is not null)
        {
            result[name] = (JsonObject)JsonSerializer.SerializeToNode(metadata, KargoJson.Options)!;
        }

        return result;
    }

    private async Task<T?> GetAsync<T>(string kind, string project, string name, CancellationToken ct)
        where T : class
    {
        var document = await store.GetAsync(new ResourceKey(kind, project, name), ct).ConfigureAwait(false);
        return document is null ? null : KargoJson.FromDocument<T>(document);
    }
}
