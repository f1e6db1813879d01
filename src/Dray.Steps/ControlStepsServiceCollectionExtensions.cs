using Dray.Core.Steps;
using Dray.Steps.Control;
using Dray.Steps.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Steps;

public static class ControlStepsServiceCollectionExtensions
{
    /// <summary>http, compose-output, set-metadata and fail. set-metadata needs an <c>IResourceStore</c>.</summary>
    public static IServiceCollection AddControlSteps(this IServiceCollection services, HttpStepOptions? http = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(http ?? new HttpStepOptions());
        services.TryAddSingleton<HttpClients>();
        return services
            .AddPromotionStep<HttpStep>("http")
            .AddPromotionStep<ComposeOutputStep>("compose-output")
            .AddPromotionStep<SetMetadataStep>("set-metadata")
            .AddPromotionStep<FailStep>("fail");
    }
}
