using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>Takes one measurement of a metric. Transport and parse failures come back as <see cref="MetricValue.Error"/>.</summary>
public interface IMetricProvider
{
    /// <summary>The provider key under <c>metric.provider</c>, e.g. <c>web</c> or <c>prometheus</c>.</summary>
    string Name { get; }

    bool Handles(MetricProvider provider);

    ValueTask<MetricValue> MeasureAsync(Metric metric, CancellationToken cancellationToken);
}
