using Dray.Core.Warehouses;

namespace Dray.Core.Tests.Warehouses;

/// <summary>
/// A discovery seam that returns what the test sets (or throws it), and records what it was asked.
/// Real discoverers are tested against real registries and git servers in Dray.Sources.Tests.
/// </summary>
public sealed class FixedDiscoverer<TSubscription, TResult> : IArtifactDiscoverer<TSubscription, TResult>
    where TResult : class
{
    private readonly Lock _lock = new();

    public Func<TSubscription, string?, TResult>? Respond { get; set; }

    public Exception? Failure { get; set; }

    public int Calls { get; private set; }

    public List<RepositoryCredentials?> CredentialsSeen { get; } = [];

    public List<TResult?> PreviousSeen { get; } = [];

    public List<DateTimeOffset?> FreshAfterSeen { get; } = [];

    public Task<TResult> DiscoverAsync(TSubscription subscription, DiscoveryContext<TResult> context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls++;
            CredentialsSeen.Add(context.Credentials);
            PreviousSeen.Add(context.Previous);
            FreshAfterSeen.Add(context.FreshAfter);
        }

        if (Failure is { } failure)
        {
            return Task.FromException<TResult>(failure);
        }

        var respond = Respond ?? throw new InvalidOperationException($"No response set for {typeof(TSubscription).Name}");
        return Task.FromResult(respond(subscription, context.SubscriptionName));
    }
}
