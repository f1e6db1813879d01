using System.Text.Json.Nodes;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Verification;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Verification;

public sealed class AnalysisRunEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(T0);

    private static AnalysisRun Run(params Metric[] metrics) => new()
    {
        Metadata = new ObjectMeta { Name = "uat.run.abc", Namespace = "p" },
        Spec = new AnalysisRunSpec { Metrics = metrics },
    };

    private static Metric Metric(
        string name = "ok", string? interval = null, IntOrString? count = null, IntOrString? failureLimit = null,
        IntOrString? inconclusiveLimit = null, string? initialDelay = null, IntOrString? consecutiveErrorLimit = null) => new()
    {
        Name = name,
        Interval = interval,
        Count = count,
        FailureLimit = failureLimit,
        InconclusiveLimit = inconclusiveLimit,
        InitialDelay = initialDelay,
        ConsecutiveErrorLimit = consecutiveErrorLimit,
        SuccessCondition = "result < 10",
        FailureCondition = "result > 100",
        Provider = new MetricProvider { Web = new WebMetric { Url = "http://127.0.0.1/" } },
    };

    private AnalysisRun Measure(AnalysisRunEvaluator evaluator, AnalysisRun run, string metric, int value) =>
        evaluator.Record(run, metric, MetricValue.Of(JsonValue.Create(value)), clock.GetUtcNow());

    [Fact]
    public void Single_measurement_without_interval_decides_the_run()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric()));
        evaluator.DueMetrics(run).Select(m => m.Name).ShouldBe(["ok"]);

        clock.Advance(TimeSpan.FromSeconds(2));
        run = Measure(evaluator, run, "ok", 3);

        run.Status!.Phase.ShouldBe(AnalysisPhase.Successful);
        var measurement = run.Status.MetricResults![0].Measurements!.ShouldHaveSingleItem();
        measurement.ShouldBe(new Measurement { Phase = AnalysisPhase.Successful, Value = "3", StartedAt = T0.AddSeconds(2), FinishedAt = T0.AddSeconds(2) });
        AnalysisRunEvaluator.NextDueAt(run).ShouldBeNull();
    }

    [Fact]
    public void Interval_and_count_schedule_measurements()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(interval: "1m", count: 3)));
        run = Measure(evaluator, run, "ok", 1);

        AnalysisRunEvaluator.NextDueAt(run).ShouldBe(T0.AddMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(59));
        evaluator.DueMetrics(run).ShouldBeEmpty();
        clock.Advance(TimeSpan.FromSeconds(1));
        evaluator.DueMetrics(run).ShouldHaveSingleItem();

        run = Measure(evaluator, run, "ok", 1);
        run.Status!.Phase.ShouldBe(AnalysisPhase.Running);
        clock.Advance(TimeSpan.FromMinutes(1));
        run = Measure(evaluator, run, "ok", 1);

        run.Status!.Phase.ShouldBe(AnalysisPhase.Successful);
        run.Status.MetricResults![0].Count.ShouldBe(3);
        run.Status.RunSummary.ShouldBe(new RunSummary { Count = 1, Successful = 1, Failed = 0, Inconclusive = 0, Error = 0 });
    }

    [Fact]
    public void Initial_delay_postpones_the_first_measurement()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(initialDelay: "30s")));

        evaluator.DueMetrics(run).ShouldBeEmpty();
        AnalysisRunEvaluator.NextDueAt(run).ShouldBe(T0.AddSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(30));
        evaluator.DueMetrics(run).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(0, 1, AnalysisPhase.Failed)]
    [InlineData(1, 1, AnalysisPhase.Running)]
    [InlineData(1, 2, AnalysisPhase.Failed)]
    [InlineData(2, 2, AnalysisPhase.Running)]
    public void Failures_beyond_the_limit_fail_the_run(int failureLimit, int failures, AnalysisPhase expected)
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(interval: "10s", count: 5, failureLimit: failureLimit)));
        for (var i = 0; i < failures; i++)
        {
            run = Measure(evaluator, run, "ok", 500);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        run.Status!.Phase.ShouldBe(expected);
    }

    [Fact]
    public void Failure_limit_from_an_argument_string_is_honoured()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(interval: "10s", count: 3, failureLimit: "1")));

        run = Measure(evaluator, run, "ok", 500);
        run.Status!.Phase.ShouldBe(AnalysisPhase.Running);
        run = Measure(evaluator, run, "ok", 500);
        run.Status!.Phase.ShouldBe(AnalysisPhase.Failed);
        run.Status.Message.ShouldBe("metric \"ok\" assessed Failed: failed (2) > failureLimit (1)");
    }

    [Fact]
    public void Inconclusive_beyond_the_limit_is_inconclusive()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(interval: "10s", count: 4, inconclusiveLimit: 1)));

        run = Measure(evaluator, run, "ok", 50);
        run.Status!.Phase.ShouldBe(AnalysisPhase.Running);
        run = Measure(evaluator, run, "ok", 50);

        run.Status!.Phase.ShouldBe(AnalysisPhase.Inconclusive);
    }

    [Fact]
    public void Consecutive_errors_beyond_the_limit_are_an_error_and_do_not_use_up_the_count()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(count: 1, consecutiveErrorLimit: 2)));

        run = evaluator.Record(run, "ok", MetricValue.Failed("connection refused"), clock.GetUtcNow());
        run = evaluator.Record(run, "ok", MetricValue.Failed("connection refused"), clock.GetUtcNow());
        run.Status!.Phase.ShouldBe(AnalysisPhase.Running);
        run.Status.MetricResults![0].Count.ShouldBe(0);
        evaluator.DueMetrics(run).ShouldHaveSingleItem();
        run = evaluator.Record(run, "ok", MetricValue.Failed("connection refused"), clock.GetUtcNow());

        run.Status!.Phase.ShouldBe(AnalysisPhase.Error);
        run.Status.MetricResults![0].Message.ShouldBe("consecutiveErrors (3) > consecutiveErrorLimit (2): connection refused");
    }

    [Fact]
    public void Zero_consecutive_error_limit_ends_on_the_first_error()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(count: 1, consecutiveErrorLimit: 0)));

        run = evaluator.Record(run, "ok", MetricValue.Failed("timeout"), clock.GetUtcNow());

        run.Status!.Phase.ShouldBe(AnalysisPhase.Error);
    }

    [Fact]
    public void A_success_resets_the_error_streak()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(interval: "1s", count: 5, consecutiveErrorLimit: 1)));

        run = evaluator.Record(run, "ok", MetricValue.Failed("timeout"), clock.GetUtcNow());
        run = Measure(evaluator, run, "ok", 1);
        run = evaluator.Record(run, "ok", MetricValue.Failed("timeout"), clock.GetUtcNow());

        run.Status!.Phase.ShouldBe(AnalysisPhase.Running);
        run.Status.MetricResults![0].ConsecutiveError.ShouldBe(1);
        run.Status.MetricResults[0].Error.ShouldBe(2);
    }

    [Fact]
    public void The_run_waits_for_every_metric_and_fails_on_the_first_bad_one()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric("a"), Metric("b")));

        run = Measure(evaluator, run, "a", 1);
        run.Status!.Phase.ShouldBe(AnalysisPhase.Running);
        run = Measure(evaluator, run, "b", 1000);

        run.Status!.Phase.ShouldBe(AnalysisPhase.Failed);
        run.Status.RunSummary!.Successful.ShouldBe(1);
        run.Status.RunSummary.Failed.ShouldBe(1);
        evaluator.DueMetrics(run).ShouldBeEmpty();
    }

    [Fact]
    public void Unbounded_metric_runs_until_terminated()
    {
        var evaluator = new AnalysisRunEvaluator(clock);
        var run = evaluator.Start(Run(Metric(interval: "5s")));
        for (var i = 0; i < 20; i++)
        {
            run = Measure(evaluator, run, "ok", 1);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        run.Status!.Phase.ShouldBe(AnalysisPhase.Running);
        run.Status.MetricResults![0].Measurements!.Count.ShouldBe(10);

        var terminated = AnalysisRunEvaluator.Terminate(run, "aborted by alice");
        terminated.Status!.Phase.ShouldBe(AnalysisPhase.Successful);
        terminated.Status.Message.ShouldBe("aborted by alice");
        terminated.Spec.Terminate.ShouldBe(true);
    }

    [Fact]
    public void An_unparsable_limit_ends_the_run_in_error()
    {
        var run = new AnalysisRunEvaluator(clock).Start(Run(Metric(count: "{{ args.count }}")));

        run.Status!.Phase.ShouldBe(AnalysisPhase.Error);
        run.Status.Message.ShouldBe("metric ok: count \"{{ args.count }}\" is not an integer");
    }
}
