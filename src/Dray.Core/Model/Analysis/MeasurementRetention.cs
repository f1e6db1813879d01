namespace Dray.Core.Model.Analysis;

public sealed record MeasurementRetention
{
    public required string MetricName { get; init; }

    public required int Limit { get; init; }
}
