using System.Security.Cryptography;
using System.Text;
using Dray.Core.Model.Common;
using Dray.Core.Warehouses;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Discovery;

/// <summary>The Warehouse controller end to end against a real registry: push images, watch Freight appear.</summary>
public sealed class WarehouseImageDiscoveryTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    /// <summary>Kargo's Freight ID, spelled out independently of FreightId: sha1("Warehouse/name:" + repo:tag@digest).</summary>
    private static string KargoFreightId(string warehouse, string repoUrl, string tag, string digest) =>
#pragma warning disable CA5350 // Kargo's content address is SHA-1.
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"Warehouse/{warehouse}:{repoUrl}:{tag}@{digest}")));
#pragma warning restore CA5350

    [SkippableFact]
    public async Task Pushing_nginx_1_24_then_1_25_makes_two_freight_with_kargo_identical_ids()
    {
        var repoUrl = $"{registry.Host}/library/nginx";
        var digest124 = await RegistryImages.PushAsync(registry, "library/nginx", "1.24.0", 1);
        await using var host = new WarehouseHost();
        host.StartRunner();

        await host.CreateWarehouseAsync("nginx", repoUrl);
        await WarehouseHost.WaitForAsync(async () => (await host.ListFreightAsync()).Count == 1);

        var first = (await host.ListFreightAsync()).Single();
        first.Metadata.Name.ShouldBe(KargoFreightId("nginx", repoUrl, "1.24.0", digest124));
        first.Alias.ShouldNotBeNullOrEmpty();
        first.Metadata.Labels![KargoLabels.Alias].ShouldBe(first.Alias);

        var digest125 = await RegistryImages.PushAsync(registry, "library/nginx", "1.25.0", 2);
        await host.RefreshAsync("nginx", "after-1.25.0");
        await WarehouseHost.WaitForAsync(async () => (await host.ListFreightAsync()).Count == 2);

        var expected125 = KargoFreightId("nginx", repoUrl, "1.25.0", digest125);
        (await host.ListFreightAsync()).Select(f => f.Metadata.Name).Order(StringComparer.Ordinal)
            .ShouldBe(new[] { first.Metadata.Name, expected125 }.Order(StringComparer.Ordinal));
        await WarehouseHost.WaitForAsync(async () => (await host.GetWarehouseAsync("nginx")).Status?.LastFreightID == expected125);
        var status = (await host.GetWarehouseAsync("nginx")).Status!;
        status.LastHandledRefresh.ShouldBe("after-1.25.0");
        status.DiscoveredArtifacts!.Images!.Single().References!.Select(r => r.Tag).ShouldBe(["1.25.0", "1.24.0"]);
    }

    [SkippableFact]
    public async Task An_unreachable_registry_is_reported_on_the_warehouse_with_the_retry_time()
    {
        registry.Host.ShouldNotBeNullOrEmpty();
        var closedPort = FreePort.Next();
        await using var host = new WarehouseHost();
        await host.CreateWarehouseAsync("offline", $"127.0.0.1:{closedPort}/nginx");

        var result = await host.ReconcileAsync("offline");

        var healthy = (await host.GetWarehouseAsync("offline")).Status!.Conditions!.Single(c => c.Type == WarehouseConditions.Healthy);
        healthy.Status.ShouldBe(ConditionStatus.False);
        healthy.Message.ShouldContain($"127.0.0.1:{closedPort}");
        healthy.Message.ShouldMatch(@"; retrying in 1[01]s$");
        result.RequeueAfter.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
        (await host.ListFreightAsync()).ShouldBeEmpty();
    }
}
