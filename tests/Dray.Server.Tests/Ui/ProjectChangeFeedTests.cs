using Dray.Core.Storage;
using Dray.Server.Tests.Support;
using Dray.Server.Ui.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Server.Tests.Ui;

/// <summary>The project page's live updates: real store change feed, throttled by a fake clock.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProjectChangeFeedTests(SharedServer server)
{
    private IResourceStore Store => server.Host.App.Services.GetRequiredService<IResourceStore>();

    [Fact]
    public async Task A_burst_of_changes_costs_one_callback_per_interval_and_only_for_the_project()
    {
        await UiSeed.SeedAsync(Store, "ui-feed");
        await UiSeed.SeedAsync(Store, "ui-feed-other");
        var revision = await Store.GetRevisionAsync(default);
        var time = new FakeTimeProvider();
        var calls = 0;
        await using var feed = new ProjectChangeFeed(Store, time);
        feed.Start("ui-feed", revision, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        await TouchAsync("ui-feed-other", "other-0");
        await Task.Delay(300);
        Volatile.Read(ref calls).ShouldBe(0, "changes in another project are not followed");

        await TouchAsync("ui-feed", "burst-0");
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 1);
        for (var i = 1; i <= 10; i++)
        {
            await TouchAsync("ui-feed", $"burst-{i}");
        }

        await Task.Delay(300);
        Volatile.Read(ref calls).ShouldBe(1, "the rest of the burst waits for the interval");

        // The feed arms its interval timer only after the first callback returns; advancing again while the second
        // callback has not come covers a timer armed after an earlier advance. Each advance is one interval, and
        // once the second callback came nothing advances any more.
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 2, () => time.Advance(ProjectChangeFeed.Interval));
        await Task.Delay(300);
        Volatile.Read(ref calls).ShouldBe(2, "the whole burst was coalesced into one callback");
    }

    [Fact]
    public async Task Disposing_stops_the_callbacks()
    {
        await UiSeed.SeedAsync(Store, "ui-feed-dispose");
        var revision = await Store.GetRevisionAsync(default);
        var calls = 0;
        var feed = new ProjectChangeFeed(Store, TimeProvider.System);
        feed.Start("ui-feed-dispose", revision, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        await feed.DisposeAsync();
        await TouchAsync("ui-feed-dispose", "after-dispose");
        await Task.Delay(500);

        Volatile.Read(ref calls).ShouldBe(0);
    }

    private Task TouchAsync(string project, string name) =>
        Store.CreateAsync(UiSeed.Doc($$"""
            {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Warehouse","metadata":{"name":"{{name}}","namespace":"{{project}}"},
             "spec":{"subscriptions":[{"image":{"repoURL":"ghcr.io/example/x"} } ]} }
            """), default);

    /// <summary>Polls <paramref name="condition"/> for up to 30 s (a loaded machine), calling <paramref name="step"/> between polls.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, Action? step = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            step?.Invoke();
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }
}
