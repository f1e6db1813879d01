using Dray.Core.Model.Common;
using Dray.Core.Warehouses;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Discovery;

/// <summary>Credentials found by repository URL among project Secrets reach a registry behind Basic auth.</summary>
public sealed class WarehouseCredentialDiscoveryTests(BasicAuthOciRegistry registry) : IClassFixture<BasicAuthOciRegistry>
{
    [SkippableFact]
    public async Task A_private_registry_fails_without_a_secret_and_works_once_one_matches()
    {
        var repoUrl = $"{registry.Host}/private/app";
        await RegistryImages.PushAsync(registry, "private/app", "1.0.0", 1);
        await using var host = new WarehouseHost();
        await host.CreateWarehouseAsync("private", repoUrl);

        await host.ReconcileAsync("private");
        var failed = (await host.GetWarehouseAsync("private")).Status!.Conditions!.Single(c => c.Type == WarehouseConditions.Ready);
        failed.Status.ShouldBe(ConditionStatus.False);

        var credentials = registry.Credentials.ShouldNotBeNull();
        await host.CreateImageSecretAsync("registry", $"^{registry.Host.Replace(".", "\\.", StringComparison.Ordinal)}/private/.*$", "wrong", "wrong");
        await host.CreateImageSecretAsync("zz-exact", repoUrl, credentials.Username, credentials.Password);
        await host.RefreshAsync("private", "with-credentials");
        await host.ReconcileAsync("private");

        var ready = (await host.GetWarehouseAsync("private")).Status!.Conditions!.Single(c => c.Type == WarehouseConditions.Ready);
        ready.Status.ShouldBe(ConditionStatus.True, ready.Message);
        (await host.ListFreightAsync()).ShouldHaveSingleItem().Images!.Single().Tag.ShouldBe("1.0.0");
    }
}
