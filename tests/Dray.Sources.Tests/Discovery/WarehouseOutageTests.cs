using Dray.Core.Controllers;
using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Discovery;

/// <summary>A registry outage with the controller running: a condition a human can read, backoff, recovery without help.</summary>
public sealed class WarehouseOutageTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // The registry belongs to this class alone; make sure it is up again for the fixture's teardown whatever happened.
    public Task DisposeAsync() => registry.RestartAsync();

    [SkippableFact]
    public async Task A_stopped_registry_sets_the_condition_and_the_warehouse_recovers_by_itself_when_it_is_back()
    {
        await RegistryImages.PushAsync(registry, "outage/app", "1.0.0", 1);
        var options = new WarehouseReconcilerOptions
        {
            MinInterval = TimeSpan.Zero,
            Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), 0.1),
        };
        await using var host = new WarehouseHost(options);
        host.StartRunner();
        await host.CreateWarehouseAsync("app", $"{registry.Host}/outage/app");
        await WarehouseHost.WaitForAsync(async () => Ready(await host.GetWarehouseAsync("app"))?.Status == ConditionStatus.True);

        await registry.StopServerAsync();
        await host.RefreshAsync("app", "during-outage");
        await WarehouseHost.WaitForAsync(async () => Ready(await host.GetWarehouseAsync("app"))?.Status == ConditionStatus.False);

        var failed = await host.GetWarehouseAsync("app");
        Ready(failed)!.Reason.ShouldBe(WarehouseConditions.DiscoveryFailedReason);
        Ready(failed)!.Message.ShouldStartWith($"image \"{registry.Host}/outage/app\": registry {registry.Host} is unreachable");
        failed.Status!.Conditions!.Single(c => c.Type == WarehouseConditions.Healthy).Message.ShouldMatch(@"; retrying in [0-9.]+m?s$");
        failed.Status.LastHandledRefresh.ShouldBe("during-outage");
        failed.Status.DiscoveredArtifacts!.Images!.Single().References!.Single().Tag.ShouldBe("1.0.0", "the last good discovery stays");

        await registry.RestartAsync();
        await WarehouseHost.WaitForAsync(async () => Ready(await host.GetWarehouseAsync("app"))?.Status == ConditionStatus.True);

        var recovered = await host.GetWarehouseAsync("app");
        recovered.Status!.LastHandledRefresh.ShouldBe("during-outage", "recovery came from the backoff, not from another refresh");
        recovered.Status.Conditions!.ShouldNotContain(c => c.Type == WarehouseConditions.Reconciling);
        recovered.Status.DiscoveredArtifacts!.DiscoveredAt.ShouldNotBeNull().ShouldBeGreaterThan(Ready(failed)!.LastTransitionTime);
    }

    private static Condition? Ready(Warehouse warehouse) => warehouse.Status?.Conditions?.FirstOrDefault(c => c.Type == WarehouseConditions.Ready);
}
