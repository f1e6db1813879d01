using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Warehouses;

public sealed record DiscoveredImageReference
{
    [RegularExpression(KargoPatterns.ImageTag)]
    [MinLength(1)]
    [MaxLength(128)]
    public required string Tag { get; init; }

    [RegularExpression(KargoPatterns.Digest)]
    [MinLength(1)]
    public required string Digest { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
