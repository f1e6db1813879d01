using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Warehouses;

public sealed record GitDiscoveryResult
{
    [RegularExpression(KargoPatterns.GitRepoUrl)]
    [MinLength(1)]
    public required string RepoURL { get; init; }

    public string? SubscriptionName { get; init; }

    public IReadOnlyList<DiscoveredCommit>? Commits { get; init; }

    /// <summary>What the remote's refs looked like, so the next discovery can stop early when nothing moved.</summary>
    public GitObservedRefs? ObservedRefs { get; init; }
}
