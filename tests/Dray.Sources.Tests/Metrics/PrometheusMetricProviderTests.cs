using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Verification;
using Dray.Sources.Metrics;
using Dray.TestKit.Prometheus;

namespace Dray.Sources.Tests.Metrics;

/// <summary>Against a real Prometheus scraping a target the test controls.</summary>
public sealed class PrometheusMetricProviderTests(PrometheusServer prometheus) : IClassFixture<PrometheusServer>, IDisposable
{
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(45);
    private readonly HttpClient client = new();

    public void Dispose() => client.Dispose();

    private Metric Metric(string query, string? success = null) => new()
    {
        Name = "prom",
        SuccessCondition = success,
        Provider = new MetricProvider { Prometheus = new PrometheusMetric { Address = prometheus.BaseUri.ToString(), Query = query } },
    };

    [SkippableFact]
    public async Task Vector_result_is_a_list_of_floats()
    {
        prometheus.Target.Set("dray_metric_ratio{pod=\"a\"}", 0.97);
        await prometheus.WaitForValueAsync("dray_metric_ratio", 0.97, ScrapeWait);

        var value = await new PrometheusMetricProvider(client).MeasureAsync(Metric("dray_metric_ratio"), CancellationToken.None);

        value.Error.ShouldBeNull();
        value.Display.ShouldBe("[0.97]");
        MetricConditions.Evaluate(Metric("", "result[0] >= 0.95"), value.Result).Phase.ShouldBe(AnalysisPhase.Successful);
        MetricConditions.Evaluate(Metric("", "result[0] >= 0.99"), value.Result).Phase.ShouldBe(AnalysisPhase.Failed);
    }

    [SkippableFact]
    public async Task Scalar_result_is_a_float()
    {
        var value = await new PrometheusMetricProvider(client).MeasureAsync(Metric("scalar(vector(4))"), CancellationToken.None);

        value.Display.ShouldBe("4");
        MetricConditions.Evaluate(Metric("", "result == 4"), value.Result).Phase.ShouldBe(AnalysisPhase.Successful);
    }

    [SkippableFact]
    public async Task Empty_vector_is_an_empty_list()
    {
        var value = await new PrometheusMetricProvider(client).MeasureAsync(Metric("dray_metric_absent"), CancellationToken.None);

        value.Display.ShouldBe("[]");
        MetricConditions.Evaluate(Metric("", "len(result) > 0"), value.Result).Phase.ShouldBe(AnalysisPhase.Failed);
    }

    [SkippableFact]
    public async Task Bad_query_is_an_error()
    {
        var value = await new PrometheusMetricProvider(client).MeasureAsync(Metric("sum(("), CancellationToken.None);

        value.Error.ShouldNotBeNull().ShouldStartWith("prometheus query failed:");
    }

    [SkippableFact]
    public async Task Verification_follows_the_scraped_value()
    {
        prometheus.Target.Set("dray_metric_errors", 0);
        await prometheus.WaitForValueAsync("dray_metric_errors", 0, ScrapeWait);
        var runner = new AnalysisRunner([new PrometheusMetricProvider(client)], TimeProvider.System);

        var passed = await runner.RunToCompletionAsync(Run(Metric("sum(dray_metric_errors)", "result[0] < 1")), CancellationToken.None);

        prometheus.Target.Set("dray_metric_errors", 5);
        await prometheus.WaitForValueAsync("sum(dray_metric_errors)", 5, ScrapeWait);
        var failed = await runner.RunToCompletionAsync(Run(Metric("sum(dray_metric_errors)", "result[0] < 1")), CancellationToken.None);

        passed.Status!.Phase.ShouldBe(AnalysisPhase.Successful);
        failed.Status!.Phase.ShouldBe(AnalysisPhase.Failed);
        failed.Status.MetricResults![0].Measurements![0].Value.ShouldBe("[5]");
    }

    private static AnalysisRun Run(Metric metric) => new()
    {
        Metadata = new ObjectMeta { Name = "uat.x.abc", Namespace = "p" },
        Spec = new AnalysisRunSpec { Metrics = [metric] },
    };
}
