using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

public sealed record PromotionWindow
{
    [RegularExpression(KargoPatterns.DnsSubdomain)]
    [MinLength(1)]
    [MaxLength(253)]
    public required string Name { get; init; }

    public required PromotionWindowKind Kind { get; init; }

    /// <summary>An RFC 5545 recurrence rule.</summary>
    public string? Rrule { get; init; }

    public string? Dtstart { get; init; }

    public string? Dtend { get; init; }

    public PromotionPolicySelector? StageSelector { get; init; }

    public PromotionPolicySelector? ProjectSelector { get; init; }
}
