namespace Dray.Core.Model.Analysis;

public sealed record Argument
{
    public required string Name { get; init; }

    public string? Value { get; init; }

    public ValueFrom? ValueFrom { get; init; }
}
