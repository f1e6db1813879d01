using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Stages;

public sealed record FreightSources
{
    /// <summary>Accept Freight straight from the origin Warehouse.</summary>
    public bool? Direct { get; init; }

    /// <summary>Upstream Stages the Freight must have been verified in.</summary>
    public IReadOnlyList<string>? Stages { get; init; }

    /// <summary>How long the Freight must have stayed in an upstream Stage, as a Go duration.</summary>
    [RegularExpression(KargoPatterns.Duration)]
    public string? RequiredSoakTime { get; init; }

    public AvailabilityStrategy? AvailabilityStrategy { get; init; }

    public AutoPromotionOptions? AutoPromotionOptions { get; init; }
}
