using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;

namespace Dray.Server.Ui.Model;

/// <summary>Reads single resources and small lists for the detail pages, as typed Kargo records.</summary>
public sealed class DetailReader(IResourceStore store, TimeProvider time)
{
    public async Task<T?> GetAsync<T>(ResourceKind kind, string project, string name, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        var document = await store.GetAsync(new ResourceKey(kind.Kind, project, name), ct).ConfigureAwait(false);
        return document is null ? null : KargoJson.FromDocument<T>(document);
    }

    /// <summary>Promotions of the project, newest first, narrowed to one Stage and/or one Freight when given.</summary>
    public async Task<IReadOnlyList<Promotion>> ListPromotionsAsync(string project, string? stage, string? freight, CancellationToken ct)
    {
        var promotions = await ListAsync<Promotion>(ResourceKinds.Promotion, project, ct).ConfigureAwait(false);
        return [.. promotions
            .Where(p => (stage is null || p.Spec.Stage == stage) && (freight is null || p.Spec.Freight == freight))
            .OrderByDescending(p => p.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue)
            .ThenByDescending(p => p.Metadata.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every Freight of the project judged for the Stage, newest first (the same query as the REST API).</summary>
    public async Task<IReadOnlyList<AvailableFreight>> ListAvailableFreightAsync(Stage stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var freight = await ListAsync<Freight>(ResourceKinds.Freight, stage.Metadata.Namespace ?? "", ct).ConfigureAwait(false);
        return AvailableFreightQuery.For(stage, freight, time.GetUtcNow());
    }

    public Task<List<Stage>> ListStagesAsync(string project, CancellationToken ct) => ListAsync<Stage>(ResourceKinds.Stage, project, ct);

    public Task<List<Freight>> ListFreightAsync(string project, CancellationToken ct) => ListAsync<Freight>(ResourceKinds.Freight, project, ct);

    public Task<long> GetRevisionAsync(CancellationToken ct) => store.GetRevisionAsync(ct);

    private async Task<List<T>> ListAsync<T>(ResourceKind kind, string project, CancellationToken ct)
        where T : class
    {
        var items = new List<T>();
        string? continueToken = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(kind.Kind, project, 500, continueToken), ct).ConfigureAwait(false);
            items.AddRange(page.Items.Select(KargoJson.FromDocument<T>));
            continueToken = page.ContinueToken;
        }
        while (continueToken is not null);
        return items;
    }
}
