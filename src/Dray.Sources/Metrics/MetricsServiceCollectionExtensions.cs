using Dray.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Sources.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>Registers the <c>web</c> and <c>prometheus</c> metric providers and the analysis runner.</summary>
    public static IServiceCollection AddMetricProviders(this IServiceCollection services)
    {
        services.AddHttpClient<WebMetricProvider>();
        services.AddHttpClient<PrometheusMetricProvider>();
        services.AddTransient<IMetricProvider>(sp => sp.GetRequiredService<WebMetricProvider>());
        services.AddTransient<IMetricProvider>(sp => sp.GetRequiredService<PrometheusMetricProvider>());
        services.AddTransient(sp => new AnalysisRunner(sp.GetServices<IMetricProvider>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
