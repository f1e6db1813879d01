using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Promotions;

public sealed record PromotionTaskReference
{
    [RegularExpression(KargoPatterns.DnsSubdomain)]
    [MinLength(1)]
    [MaxLength(253)]
    public required string Name { get; init; }

    /// <summary>Defaults to <see cref="PromotionTaskKind.PromotionTask"/>.</summary>
    public PromotionTaskKind? Kind { get; init; }
}
