using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Core.Controllers;

/// <summary>How a <see cref="ReconcilerRunner{TKey}"/> finds work: the keys a stored change touches, and every key for resyncs.</summary>
public sealed record ReconcilerRunnerOptions<TKey>
    where TKey : notnull
{
    /// <summary>Names the reconciler in logs, for example <c>warehouses</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The keys to reconcile when a change arrives on the store's change feed.</summary>
    public required Func<ResourceChange, IEnumerable<TKey>> KeysForChange { get; init; }

    /// <summary>Every key there is, for the start and for periodic resyncs.</summary>
    public required Func<IResourceStore, CancellationToken, IAsyncEnumerable<TKey>> ListKeys { get; init; }

    /// <summary>
    /// Gets the reconciler from the per-key scope. Several reconcilers may share a key type (ResourceKey), so
    /// resolve the concrete type, as <see cref="ResourceKeyWork.ForKind{TReconciler}"/> does.
    /// </summary>
    public Func<IServiceProvider, IReconciler<TKey>> ResolveReconciler { get; init; } = sp => sp.GetRequiredService<IReconciler<TKey>>();

    /// <summary>Limits the change feed to one kind; null watches all kinds.</summary>
    public string? WatchKind { get; init; }

    public int Workers { get; init; } = 2;

    /// <summary>The safety net: every key is queued again this often. Normal work is event-driven.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The pause before the change feed is opened again after it failed.</summary>
    public TimeSpan WatchRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
