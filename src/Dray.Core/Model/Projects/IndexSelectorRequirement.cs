namespace Dray.Core.Model.Projects;

/// <summary>Matches resources whose index entry equals (or does not equal) a value; <see cref="Operator"/> is <c>Equals</c> or <c>NotEquals</c>.</summary>
public sealed record IndexSelectorRequirement
{
    public required IndexSelectorKey Key { get; init; }

    public required string Operator { get; init; }

    public required string Value { get; init; }
}
