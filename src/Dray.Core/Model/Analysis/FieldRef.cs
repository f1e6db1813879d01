namespace Dray.Core.Model.Analysis;

public sealed record FieldRef
{
    public required string FieldPath { get; init; }
}
