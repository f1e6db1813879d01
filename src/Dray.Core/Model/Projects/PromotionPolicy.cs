using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

/// <summary>Which Stages may auto-promote. Exactly one of <see cref="Stage"/> and <see cref="StageSelector"/> is set.</summary>
public sealed record PromotionPolicy
{
    /// <summary>Deprecated: an exact Stage name; use <see cref="StageSelector"/>.</summary>
    [RegularExpression(KargoPatterns.DnsSubdomain)]
    public string? Stage { get; init; }

    public PromotionPolicySelector? StageSelector { get; init; }

    /// <summary>The only switch for auto-promotion; off by default.</summary>
    public bool? AutoPromotionEnabled { get; init; }

    /// <summary>Enterprise-only in Kargo; carried, not enforced.</summary>
    public AutoRollback? AutoRollback { get; init; }
}
