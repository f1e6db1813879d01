using System.Text;
using Dray.Core.Controllers;
using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;

namespace Dray.Sources.Tests.Discovery;

/// <summary>What the failure tests share: short backoff, polling for a Ready status, reading conditions.</summary>
internal static class WarehouseFailures
{
    public static WarehouseReconcilerOptions FastBackoff { get; } = new()
    {
        MinInterval = TimeSpan.Zero,
        Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), 0.1),
    };

    public static Condition? Ready(Warehouse warehouse) => Find(warehouse, WarehouseConditions.Ready);

    public static Condition? Healthy(Warehouse warehouse) => Find(warehouse, WarehouseConditions.Healthy);

    /// <summary>Waits until Ready has <paramref name="status"/> and returns the Warehouse as it was then.</summary>
    public static async Task<Warehouse> WaitForReadyAsync(WarehouseHost host, string name, ConditionStatus status)
    {
        Warehouse? last = null;
        await WarehouseHost.WaitForAsync(
            async () =>
            {
                last = await host.GetWarehouseAsync(name);
                return Ready(last)?.Status == status;
            },
            () => Task.FromResult($"Ready is {Ready(last!)?.Status}: {Ready(last!)?.Message}"));
        return last!;
    }

    /// <summary>Neither the password nor the Basic header made from it appears anywhere in the Warehouse's status.</summary>
    public static async Task ShouldNotLeakAsync(WarehouseHost host, string name, string username, params string[] passwords)
    {
        var status = await host.GetStatusJsonAsync(name);
        foreach (var password in passwords)
        {
            status.ShouldNotContain(password);
            status.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        }
    }

    private static Condition? Find(Warehouse warehouse, string type) => warehouse.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
}
