using Dray.Core.Model;
using Dray.Core.Storage;

namespace Dray.Server.Api;

/// <summary>Reads every object of a kind in a project, page by page.</summary>
internal static class StageListing
{
    public static async Task<List<T>> ListAsync<T>(IResourceStore store, string kind, string project, CancellationToken ct)
    {
        var result = new List<T>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(kind, project, 500, token), ct).ConfigureAwait(false);
            result.AddRange(page.Items.Select(KargoJson.FromDocument<T>));
            token = page.ContinueToken;
        }
        while (token is not null);
        return result;
    }
}
