namespace Dray.Core.Model.Analysis;

public sealed record WebMetricHeader
{
    public required string Key { get; init; }

    public required string Value { get; init; }
}
