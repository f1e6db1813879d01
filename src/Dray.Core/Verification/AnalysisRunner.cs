using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>
/// Drives an AnalysisRun inside Dray: starts it, takes the measurements that are due through the registered
/// providers, and records them with <see cref="AnalysisRunEvaluator"/>.
/// </summary>
public sealed class AnalysisRunner(IEnumerable<IMetricProvider> providers, TimeProvider time)
{
    private readonly IReadOnlyList<IMetricProvider> providers = providers.ToList();
    private readonly AnalysisRunEvaluator evaluator = new(time);

    /// <summary>One pass: start if needed, then measure every metric that is due now.</summary>
    public async ValueTask<AnalysisRun> StepAsync(AnalysisRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status?.StartedAt is null)
        {
            var unsupported = run.Spec.Metrics.FirstOrDefault(m => ProviderFor(m) is null);
            if (unsupported is not null)
            {
                return run with
                {
                    Status = new AnalysisRunStatus
                    {
                        Phase = AnalysisPhase.Error,
                        StartedAt = time.GetUtcNow(),
                        Message = $"metric \"{unsupported.Name}\" uses a provider Dray does not run (supported: {string.Join(", ", providers.Select(p => p.Name))})",
                    },
                };
            }

            run = evaluator.Start(run);
        }

        if (run.Spec.Terminate == true)
        {
            return AnalysisRunEvaluator.Terminate(run, "run terminated");
        }

        foreach (var metric in evaluator.DueMetrics(run))
        {
            var startedAt = time.GetUtcNow();
            var value = await ProviderFor(metric)!.MeasureAsync(metric, cancellationToken).ConfigureAwait(false);
            run = evaluator.Record(run, metric.Name, value, startedAt);
            if (AnalysisRunEvaluator.IsTerminal(run.Status?.Phase))
            {
                break;
            }
        }

        return run;
    }

    /// <summary>Steps the run until it finishes, sleeping on the <see cref="TimeProvider"/> between measurements.</summary>
    public async ValueTask<AnalysisRun> RunToCompletionAsync(AnalysisRun run, CancellationToken cancellationToken)
    {
        while (true)
        {
            run = await StepAsync(run, cancellationToken).ConfigureAwait(false);
            if (AnalysisRunEvaluator.IsTerminal(run.Status?.Phase) || AnalysisRunEvaluator.NextDueAt(run) is not { } due)
            {
                return run;
            }

            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private IMetricProvider? ProviderFor(Metric metric) => providers.FirstOrDefault(p => p.Handles(metric.Provider));
}
