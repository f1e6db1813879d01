using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Common;

/// <summary>A standard Kubernetes status condition (<c>metav1.Condition</c>).</summary>
public sealed record Condition
{
    [RegularExpression(KargoPatterns.ConditionType)]
    [MaxLength(316)]
    public required string Type { get; init; }

    public required ConditionStatus Status { get; init; }

    [Range(0, long.MaxValue)]
    public long? ObservedGeneration { get; init; }

    public required DateTimeOffset LastTransitionTime { get; init; }

    [RegularExpression(KargoPatterns.ConditionReason)]
    [MinLength(1)]
    [MaxLength(1024)]
    public required string Reason { get; init; }

    [MaxLength(32768)]
    public required string Message { get; init; }
}
