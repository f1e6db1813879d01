using Dray.Core.Model.Common;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Server.Api;

/// <summary>Finds a Freight by name or, failing that, by alias, as Kargo's API does.</summary>
internal static class FreightLookup
{
    public static async Task<ResourceDocument?> FindAsync(IResourceStore store, string project, string nameOrAlias, CancellationToken ct)
    {
        var byName = await store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, project, nameOrAlias), ct).ConfigureAwait(false);
        return byName ?? await FindByAliasAsync(store, project, nameOrAlias, ct).ConfigureAwait(false);
    }

    public static async Task<ResourceDocument?> FindByAliasAsync(IResourceStore store, string project, string alias, CancellationToken ct)
    {
        var selector = new Dictionary<string, string>(StringComparer.Ordinal) { [KargoLabels.Alias] = alias };
        var page = await store.ListAsync(new ListQuery(ResourceKinds.Freight.Kind, project, Limit: 2, LabelSelector: selector), ct).ConfigureAwait(false);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    public static string NotFound(string project, string nameOrAlias) =>
        $"Freight \"{nameOrAlias}\" (name or alias) not found in project \"{project}\".";
}
