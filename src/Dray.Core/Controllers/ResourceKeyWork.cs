using System.Runtime.CompilerServices;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Core.Controllers;

/// <summary>Runner options for the common case: reconcile every stored object of one kind by its key.</summary>
public static class ResourceKeyWork
{
    public static ReconcilerRunnerOptions<ResourceKey> ForKind<TReconciler>(string name, string kind)
        where TReconciler : IReconciler<ResourceKey> => new()
    {
        Name = name,
        ResolveReconciler = sp => sp.GetRequiredService<TReconciler>(),
        WatchKind = kind,
        KeysForChange = change => change.Document.Kind == kind ? [change.Document.Key] : [],
        ListKeys = (store, ct) => ListKeysAsync(store, kind, ct),
    };

    public static async IAsyncEnumerable<ResourceKey> ListKeysAsync(
        IResourceStore store,
        string kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? continueToken = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(kind, Limit: 500, ContinueToken: continueToken), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item.Key;
            }

            continueToken = page.ContinueToken;
        }
        while (continueToken is not null);
    }
}
