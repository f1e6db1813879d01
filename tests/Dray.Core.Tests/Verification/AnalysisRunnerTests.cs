using System.Text.Json.Nodes;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Verification;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Verification;

public sealed class AnalysisRunnerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A provider that returns queued values and records when it was asked.</summary>
    private sealed class ScriptedProvider(TimeProvider clock, params MetricValue[] values) : IMetricProvider
    {
        private readonly Queue<MetricValue> values = new(values);

        public List<DateTimeOffset> Calls { get; } = [];

        public string Name => "web";

        public bool Handles(MetricProvider provider) => provider.Web is not null;

        public ValueTask<MetricValue> MeasureAsync(Metric metric, CancellationToken cancellationToken)
        {
            Calls.Add(clock.GetUtcNow());
            return ValueTask.FromResult(values.Dequeue());
        }
    }

    private static AnalysisRun Run(Metric metric) => new()
    {
        Metadata = new ObjectMeta { Name = "r", Namespace = "p" },
        Spec = new AnalysisRunSpec { Metrics = [metric] },
    };

    private static Metric Web(string? interval, int count) => new()
    {
        Name = "m",
        Interval = interval,
        Count = count,
        InitialDelay = "10s",
        SuccessCondition = "result == \"ok\"",
        Provider = new MetricProvider { Web = new WebMetric { Url = "http://127.0.0.1/" } },
    };

    [Fact]
    public async Task Steps_measure_only_when_due()
    {
        var clock = new FakeTimeProvider(T0);
        var provider = new ScriptedProvider(clock, MetricValue.Of(JsonValue.Create("ok")), MetricValue.Of(JsonValue.Create("ok")));
        var runner = new AnalysisRunner([provider], clock);

        var run = await runner.StepAsync(Run(Web("1m", 2)), CancellationToken.None);
        provider.Calls.ShouldBeEmpty();
        clock.Advance(TimeSpan.FromSeconds(10));
        run = await runner.StepAsync(run, CancellationToken.None);
        run = await runner.StepAsync(run, CancellationToken.None);
        provider.Calls.ShouldBe([T0.AddSeconds(10)]);
        clock.Advance(TimeSpan.FromMinutes(1));
        run = await runner.StepAsync(run, CancellationToken.None);

        provider.Calls.ShouldBe([T0.AddSeconds(10), T0.AddSeconds(70)]);
        run.Status!.Phase.ShouldBe(AnalysisPhase.Successful);
    }

    [Fact]
    public async Task Run_to_completion_sleeps_on_the_time_provider()
    {
        var clock = new FakeTimeProvider(T0);
        var provider = new ScriptedProvider(clock, MetricValue.Of(JsonValue.Create("ok")), MetricValue.Of(JsonValue.Create("bad")));
        var runner = new AnalysisRunner([provider], clock);

        var running = runner.RunToCompletionAsync(Run(Web("30s", 3)), CancellationToken.None).AsTask();
        while (!running.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }

        var run = await running;
        run.Status!.Phase.ShouldBe(AnalysisPhase.Failed);
        provider.Calls.ShouldBe([T0.AddSeconds(10), T0.AddSeconds(40)]);
    }

    [Fact]
    public async Task Unsupported_provider_is_an_error_without_measuring()
    {
        var clock = new FakeTimeProvider(T0);
        var job = new Metric { Name = "job", Provider = new MetricProvider { Job = JsonDocumentElement("{}") } };

        var run = await new AnalysisRunner([new ScriptedProvider(clock)], clock).StepAsync(Run(job), CancellationToken.None);

        run.Status!.Phase.ShouldBe(AnalysisPhase.Error);
        run.Status.Message.ShouldBe("metric \"job\" uses a provider Dray does not run (supported: web)");
    }

    [Fact]
    public async Task Terminate_stops_the_run()
    {
        var clock = new FakeTimeProvider(T0);
        var runner = new AnalysisRunner([new ScriptedProvider(clock)], clock);
        var run = await runner.StepAsync(Run(Web("1m", 5)), CancellationToken.None);

        run = await runner.StepAsync(run with { Spec = run.Spec with { Terminate = true } }, CancellationToken.None);

        run.Status!.Phase.ShouldBe(AnalysisPhase.Successful);
        run.Status.Message.ShouldBe("run terminated");
        VerificationPhases.From(run, aborted: true).ShouldBe(Dray.Core.Model.Stages.VerificationPhase.Aborted);
    }

    private static System.Text.Json.JsonElement JsonDocumentElement(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
