namespace Dray.Core.Warehouses;

/// <summary>What a discoverer is told besides the subscription itself.</summary>
/// <typeparam name="TResult">The discovery result type, for example <see cref="Model.Warehouses.ImageDiscoveryResult"/>.</typeparam>
public sealed record DiscoveryContext<TResult>
    where TResult : class
{
    /// <summary>The subscription's optional name, recorded on the result.</summary>
    public string? SubscriptionName { get; init; }

    /// <summary>Credentials matched for the repository, or null for anonymous access.</summary>
    public RepositoryCredentials? Credentials { get; init; }

    /// <summary>
    /// What the last discovery of this subscription found (from the Warehouse status), or null. A hint only: a
    /// discoverer may start work for it early, but the result must not depend on it.
    /// </summary>
    public TResult? Previous { get; init; }

    /// <summary>
    /// Set when someone asked for this discovery (a refresh): what the repository held at any moment since this instant
    /// is fresh enough, so several Warehouses refreshed by one event may share one look at a shared repository.
    /// Null when no such request is pending (periodic discovery).
    /// </summary>
    public DateTimeOffset? FreshAfter { get; init; }
}
