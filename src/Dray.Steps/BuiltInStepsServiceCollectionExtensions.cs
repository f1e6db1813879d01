using Dray.Core.Steps;
using Dray.Steps.Files;
using Dray.Steps.Helm;
using Dray.Steps.Json;
using Dray.Steps.Kustomize;
using Dray.Steps.Yaml;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Steps;

public static class BuiltInStepsServiceCollectionExtensions
{
    /// <summary>The manifest and file steps, under Kargo's names.</summary>
    public static IServiceCollection AddManifestSteps(this IServiceCollection services) => services
        .AddPromotionStep<KustomizeSetImageStep>("kustomize-set-image")
        .AddPromotionStep<YamlUpdateStep>("yaml-update")
        .AddPromotionStep<JsonUpdateStep>("json-update")
        .AddPromotionStep<HelmUpdateChartStep>("helm-update-chart")
        .AddPromotionStep<HelmUpdateImageStep>("helm-update-image")
        .AddPromotionStep<CopyStep>("copy")
        .AddPromotionStep<DeleteStep>("delete")
        .AddPromotionStep<FileWriteStep>("file-write");
}
