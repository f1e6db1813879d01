namespace Dray.Core.Model.Common;

/// <summary>One <c>matchExpressions</c> entry. <see cref="Operator"/> is <c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
public sealed record LabelSelectorRequirement
{
    public required string Key { get; init; }

    public required string Operator { get; init; }

    public IReadOnlyList<string>? Values { get; init; }
}
