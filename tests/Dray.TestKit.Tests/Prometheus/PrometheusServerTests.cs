using Dray.TestKit.Prometheus;

namespace Dray.TestKit.Tests.Prometheus;

public sealed class PrometheusServerTests(PrometheusServer server) : IClassFixture<PrometheusServer>
{
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(45);

    [SkippableFact]
    public async Task Query_api_returns_the_value_the_target_serves()
    {
        server.Target.Set("dray_test_value", 42);

        await server.WaitForValueAsync("dray_test_value", 42, ScrapeWait);

        var result = await server.QueryAsync("dray_test_value");
        result[0]!["metric"]!["job"]!.GetValue<string>().ShouldBe("dray-test");
    }

    [SkippableFact]
    public async Task Changed_samples_show_up_in_later_scrapes()
    {
        server.Target.Set("dray_test_errors{code=\"500\"}", 1);
        await server.WaitForValueAsync("sum(dray_test_errors)", 1, ScrapeWait);

        server.Target.Set("dray_test_errors{code=\"500\"}", 7);

        await server.WaitForValueAsync("sum(dray_test_errors)", 7, ScrapeWait);
    }

    [SkippableFact]
    public async Task Invalid_query_is_an_error()
    {
        await Should.ThrowAsync<HttpRequestException>(() => server.QueryAsync("sum(("));
    }
}
