using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Core.Steps;

public static class PromotionStepServiceCollectionExtensions
{
    /// <summary>Adds a step under its <c>uses</c> name. Adding a second step under the same name throws.</summary>
    public static IServiceCollection AddPromotionStep<TStep>(this IServiceCollection services, string name)
        where TStep : class, IPromotionStep
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (services.Any(d => d.ServiceType == typeof(PromotionStepRegistration)
                && d.ImplementationInstance is PromotionStepRegistration r
                && string.Equals(r.Name, name, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Promotion step \"{name}\" is registered twice.");
        }

        services.TryAddSingleton<TStep>();
        services.AddSingleton(new PromotionStepRegistration(name, typeof(TStep), sp => sp.GetRequiredService<TStep>()));
        services.TryAddSingleton<PromotionStepRegistry>();
        return services;
    }
}
