using Dray.Core.Verification;
using Dray.Sources.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Sources.Tests.Metrics;

public sealed class MetricsServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_both_providers_and_the_runner()
    {
        using var services = new ServiceCollection().AddMetricProviders().BuildServiceProvider();

        services.GetServices<IMetricProvider>().Select(p => p.Name).ShouldBe(["web", "prometheus"]);
        services.GetRequiredService<AnalysisRunner>().ShouldNotBeNull();
    }
}
