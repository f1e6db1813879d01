using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;

namespace Dray.Core.Model.Promotions;

/// <summary>
/// What to promote where. Exactly one of <see cref="Freight"/> and <see cref="Origin"/> is set; an origin is
/// resolved to the Stage's auto-promotion candidate when the Promotion is created.
/// </summary>
public sealed record PromotionSpec
{
    [RegularExpression(KargoPatterns.DnsSubdomain)]
    [MinLength(1)]
    [MaxLength(253)]
    public required string Stage { get; init; }

    [RegularExpression(KargoPatterns.DnsSubdomain)]
    [MinLength(1)]
    [MaxLength(253)]
    public string? Freight { get; init; }

    public FreightOrigin? Origin { get; init; }

    /// <summary>A Target the Stage governs (unreleased Kargo 1.12).</summary>
    [RegularExpression(KargoPatterns.DnsSubdomain)]
    [MaxLength(253)]
    public string? Target { get; init; }

    public IReadOnlyList<ExpressionVariable>? Vars { get; init; }

    [MinLength(1)]
    public required IReadOnlyList<PromotionStep> Steps { get; init; }
}
