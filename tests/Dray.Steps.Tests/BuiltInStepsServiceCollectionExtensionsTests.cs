using Dray.Core.Steps;
using Dray.Core.Storage;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Steps.Tests;

public sealed class BuiltInStepsServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_every_manifest_step_under_its_Kargo_name_with_a_schema()
    {
        using var provider = new ServiceCollection().AddManifestSteps().BuildServiceProvider();
        var registry = provider.GetRequiredService<PromotionStepRegistry>();

        registry.Names.ShouldBe(["copy", "delete", "file-write", "helm-update-chart", "helm-update-image", "json-update", "kustomize-set-image", "yaml-update"]);
        foreach (var name in registry.Names)
        {
            var schema = registry.Schema(name).ShouldNotBeNull(name);
            schema["type"]!.GetValue<string>().ShouldBe("object", name);
            schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse(name);
        }
    }

    [Fact]
    public void Adding_the_set_twice_fails_at_startup()
    {
        var services = new ServiceCollection().AddManifestSteps();

        Should.Throw<InvalidOperationException>(() => services.AddManifestSteps());
    }

    [Fact]
    public void Registers_the_control_steps_with_schemas()
    {
        using var dir = new TempDirectory();
        using var provider = new ServiceCollection()
            .AddSingleton<IResourceStore>(new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = dir.File("dray.db") }, TimeProvider.System))
            .AddControlSteps()
            .BuildServiceProvider();
        var registry = provider.GetRequiredService<PromotionStepRegistry>();

        registry.Names.ShouldBe(["compose-output", "fail", "http", "set-metadata"]);
        foreach (var name in registry.Names)
        {
            registry.Schema(name).ShouldNotBeNull(name)["type"]!.GetValue<string>().ShouldBe("object", name);
        }
    }
}
