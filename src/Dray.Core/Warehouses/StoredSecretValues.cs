using Dray.Core.Model;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Warehouses;

/// <summary>Reads Secret values straight from a store that keeps them unencrypted.</summary>
public sealed class StoredSecretValues(IResourceStore store) : ISecretValues
{
    public async Task<IReadOnlyDictionary<string, string>?> ReadAsync(string project, string name, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(new ResourceKey(ResourceKinds.Secret.Kind, project, name), cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var secret = KargoJson.FromDocument<Secret>(document);
        var keys = (secret.Data?.Keys ?? []).Concat(secret.StringData?.Keys ?? []).Distinct(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (secret.TryGetValue(key, out var value))
            {
                values[key] = value;
            }
        }

        return values;
    }
}
