using Dray.Core.FreightIdentity;
using Dray.Core.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Core.Promotions;

public static class PromotionEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the promotion engine: runner, creator, abort service and the <see cref="PromotionReconciler"/>. Steps are
    /// added separately with <c>AddPromotionStep</c>; the store and a <see cref="TimeProvider"/> must be registered.
    /// </summary>
    public static IServiceCollection AddPromotionEngine(this IServiceCollection services, Action<PromotionEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PromotionEngineOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<PromotionStepRegistry>();
        services.TryAddSingleton<IPromotionStepResolver, RegistryStepResolver>();
        services.TryAddSingleton<IPromotionExpressionDataLoader, StorePromotionExpressionDataLoader>();
        services.TryAddSingleton<MonotonicUlidFactory>();
        services.TryAddSingleton<PromotionRunner>();
        services.TryAddSingleton<PromotionCreator>();
        services.TryAddSingleton<PromotionService>();
        services.TryAddScoped<PromotionReconciler>();
        return services;
    }
}
