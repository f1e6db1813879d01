using Dray.Core.Model.Promotions;
using Dray.Steps.Helm;

namespace Dray.Steps.Tests.Helm;

public sealed class HelmUpdateChartStepTests
{
    private const string Chart = """
        apiVersion: v2
        name: umbrella
        version: 0.1.0
        dependencies:
          # the web tier
          - name: web
            repository: https://charts.example.com
            version: 1.2.3   # pinned by Kargo
          - name: db
            repository: oci://registry.example.com/charts
            version: "2.0.0"
        """;

    [Fact]
    public async Task Pins_matching_dependencies_and_nothing_else()
    {
        using var h = new StepHarness();
        h.Write("charts/umbrella/Chart.yaml", Chart);

        var result = await h.RunAsync(new HelmUpdateChartStep(), """
            {"path":"charts/umbrella","charts":[
              {"repository":"https://charts.example.com","name":"web","version":"1.3.0"},
              {"repository":"oci://registry.example.com/charts","name":"db","version":"2.0.0"}]}
            """);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("charts/umbrella/Chart.yaml").ShouldBe(Chart.Replace("version: 1.2.3   #", "version: 1.3.0   #", StringComparison.Ordinal));
        result.Outputs["commitMessage"]!.GetValue<string>().ShouldBe("Updated chart dependencies for charts/umbrella\n\n- web: 1.2.3 -> 1.3.0");
    }

    [Fact]
    public async Task Keeps_the_quoting_of_a_quoted_version()
    {
        using var h = new StepHarness();
        h.Write("Chart.yaml", Chart);

        var result = await h.RunAsync(new HelmUpdateChartStep(), """{"path":".","charts":[{"repository":"oci://registry.example.com/charts","name":"db","version":"2.1.0"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("Chart.yaml").ShouldBe(Chart.Replace("version: \"2.0.0\"", "version: \"2.1.0\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"path":".","charts":[{"repository":"https://other.example.com","name":"web","version":"1"}]}""", "no dependency in ./Chart.yaml matches chart \"web\" from repository \"https://other.example.com\"")]
    [InlineData("""{"path":"."}""", "updating dependencies within their declared ranges is not supported; list the charts to pin")]
    public async Task Unmatched_or_unpinned_charts_are_errors(string config, string expected)
    {
        using var h = new StepHarness();
        h.Write("Chart.yaml", Chart);

        var result = await h.RunAsync(new HelmUpdateChartStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Message.ShouldBe(expected);
        h.Read("Chart.yaml").ShouldBe(Chart);
    }

    [Theory]
    [InlineData("""{"path":".","charts":[{"repository":"r","name":"n"}]}""", "config.charts[0].version: required")]
    [InlineData("""{"path":".","charts":[{"repository":"r","name":"n","version":"1","alias":"x"}]}""", "config.charts[0].alias: unknown field")]
    public async Task Invalid_configs_fail_terminally(string config, string expected)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new HelmUpdateChartStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe($"invalid config: {expected}");
    }
}
