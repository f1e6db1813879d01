using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Warehouses;

/// <summary>Stores Freight unless Freight with the same (content-derived) name exists, with an alias unique in the project.</summary>
public sealed class FreightPublisher(IResourceStore store, FreightAliasGenerator aliases)
{
    /// <returns>The alias of the Freight this call created, or null when it existed already.</returns>
    public async Task<string?> CreateIfAbsentAsync(Freight freight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var project = freight.Metadata.Namespace;
        var key = new ResourceKey(ResourceKinds.Freight.Kind, project, freight.Metadata.Name ?? "");
        if (await store.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var alias = string.IsNullOrEmpty(freight.Alias) ? aliases.Generate(await TakenAliasesAsync(project, cancellationToken).ConfigureAwait(false)) : freight.Alias;
        var labels = new Dictionary<string, string>(freight.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [KargoLabels.Alias] = alias,
        };
        var document = KargoJson.ToDocument(freight with { Alias = alias, Metadata = freight.Metadata with { Labels = labels } });
        try
        {
            await store.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            return alias;
        }
        catch (ResourceAlreadyExistsException)
        {
            // Someone else (another worker, or a user through the API) created the same content first.
            return null;
        }
    }

    private async Task<HashSet<string>> TakenAliasesAsync(string? project, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        string? continueToken = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(ResourceKinds.Freight.Kind, project, 500, continueToken), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                if (item.GetLabel(KargoLabels.Alias) is { Length: > 0 } label)
                {
                    taken.Add(label);
                }

                if ((string?)item.Json["alias"] is { Length: > 0 } field)
                {
                    taken.Add(field);
                }
            }

            continueToken = page.ContinueToken;
        }
        while (continueToken is not null);
        return taken;
    }
}
