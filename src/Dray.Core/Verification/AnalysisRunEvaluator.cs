using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>
/// The AnalysisRun state machine, pure over a <see cref="TimeProvider"/>: which metrics are due, how a
/// measurement changes a metric's counters and phase, and the run's phase. A run ends as soon as one metric
/// ends badly (Failed, Error or Inconclusive), or when every metric has succeeded.
/// </summary>
public sealed class AnalysisRunEvaluator(TimeProvider time)
{
    /// <summary>Marks the run Running and gives every metric a Pending result; an invalid metric ends it in Error.</summary>
    public AnalysisRun Start(AnalysisRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status?.StartedAt is not null)
        {
            return run;
        }

        foreach (var metric in run.Spec.Metrics)
        {
            if (MetricLimits.From(metric).Error is { } error)
            {
                return run with { Status = new AnalysisRunStatus { Phase = AnalysisPhase.Error, Message = error, StartedAt = time.GetUtcNow() } };
            }
        }

        var results = run.Spec.Metrics.Select(m => new MetricResult { Name = m.Name, Phase = AnalysisPhase.Pending }).ToList();
        return run with
        {
            Status = new AnalysisRunStatus { Phase = AnalysisPhase.Running, StartedAt = time.GetUtcNow(), MetricResults = results },
        };
    }

    public static bool IsTerminal(AnalysisPhase? phase) => phase is AnalysisPhase.Successful or AnalysisPhase.Failed
        or AnalysisPhase.Error or AnalysisPhase.Inconclusive;

    /// <summary>When each unfinished metric next needs a measurement.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> DueTimes(AnalysisRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var due = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (run.Status is not { StartedAt: { } started } status || IsTerminal(status.Phase))
        {
            return due;
        }

        foreach (var metric in run.Spec.Metrics)
        {
            var result = status.MetricResults?.FirstOrDefault(r => r.Name == metric.Name);
            var limits = MetricLimits.From(metric).Limits;
            if (result is null || limits is null || IsTerminal(result.Phase))
            {
                continue;
            }

            var last = result.Measurements is { Count: > 0 } taken ? taken[^1] : null;
            if (last is null)
            {
                due[metric.Name] = started + limits.InitialDelay;
            }
            else if (limits.Interval is { } interval)
            {
                due[metric.Name] = (last.FinishedAt ?? last.StartedAt ?? started) + interval;
            }
            else
            {
                // Measured once without an interval, yet still unfinished: only errors get here; retry at once.
                due[metric.Name] = last.FinishedAt ?? started;
            }
        }

        return due;
    }

    /// <summary>Metrics to measure now.</summary>
    public IReadOnlyList<Metric> DueMetrics(AnalysisRun run)
    {
        var now = time.GetUtcNow();
        var due = DueTimes(run);
        return run.Spec.Metrics.Where(m => due.TryGetValue(m.Name, out var at) && at <= now).ToList();
    }

    /// <summary>The earliest time a measurement is due, or null when the run is finished.</summary>
    public static DateTimeOffset? NextDueAt(AnalysisRun run)
    {
        var due = DueTimes(run);
        return due.Count == 0 ? null : due.Values.Min();
    }

    /// <summary>Records one measurement of <paramref name="metricName"/> taken from <paramref name="startedAt"/> until now.</summary>
    public AnalysisRun Record(AnalysisRun run, string metricName, MetricValue value, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(value);
        var metric = run.Spec.Metrics.Single(m => m.Name == metricName);
        var status = run.Status ?? throw new InvalidOperationException("the run has not started");
        var results = status.MetricResults!.ToList();
        var index = results.FindIndex(r => r.Name == metricName);
        var (phase, message) = value.Error is { } error ? (AnalysisPhase.Error, error) : MetricConditions.Evaluate(metric, value.Result);
        var measurement = new Measurement
        {
            Phase = phase,
            Message = message,
            Value = value.Display,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
        };
        var updated = MetricAssessment.Add(results[index], measurement);
        results[index] = MetricAssessment.Assess(updated, MetricLimits.From(metric).Limits!, terminating: false);
        return run with { Status = RunAssessment.Assess(status with { MetricResults = results }, terminating: false) };
    }

    /// <summary>Stops the run: unfinished metrics are judged on the measurements they have.</summary>
    public static AnalysisRun Terminate(AnalysisRun run, string message)
    {
        ArgumentNullException.ThrowIfNull(run);
        var status = run.Status ?? new AnalysisRunStatus();
        if (IsTerminal(status.Phase))
        {
            return run;
        }

        var results = run.Spec.Metrics.Select(m =>
        {
            var result = status.MetricResults?.FirstOrDefault(r => r.Name == m.Name) ?? new MetricResult { Name = m.Name, Phase = AnalysisPhase.Pending };
            var limits = MetricLimits.From(m).Limits;
            return IsTerminal(result.Phase) || limits is null ? result : MetricAssessment.Assess(result, limits, terminating: true);
        }).ToList();
        var assessed = RunAssessment.Assess(status with { MetricResults = results }, terminating: true);
        return run with { Spec = run.Spec with { Terminate = true }, Status = assessed with { Message = message } };
    }
}
