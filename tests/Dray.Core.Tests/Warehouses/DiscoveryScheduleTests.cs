using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;

namespace Dray.Core.Tests.Warehouses;

public sealed class DiscoveryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

    private static Warehouse Warehouse(long generation = 2, string? refresh = null, WarehouseStatus? status = null, string? interval = null) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = "w",
            Namespace = "p",
            Generation = generation,
            Annotations = refresh is null ? null : new Dictionary<string, string> { [KargoAnnotations.Refresh] = refresh },
        },
        Spec = new WarehouseSpec { Interval = interval, Subscriptions = [new RepoSubscription { Image = new ImageSubscription { RepoURL = "nginx" } }] },
        Status = status,
    };

    private static WarehouseStatus Discovered(long generation = 2, string? refresh = null) => new()
    {
        ObservedGeneration = generation,
        LastHandledRefresh = refresh,
        DiscoveredArtifacts = new DiscoveredArtifacts { DiscoveredAt = Now.AddHours(-1) },
    };

    [Fact]
    public void A_warehouse_never_discovered_is_due()
    {
        DiscoverySchedule.Decide(Warehouse(), null, Now).Trigger.ShouldBe(DiscoveryTrigger.NeverRun);
    }

    [Fact]
    public void After_a_restart_a_discovered_warehouse_is_discovered_once_more()
    {
        DiscoverySchedule.Decide(Warehouse(status: Discovered()), null, Now).Trigger.ShouldBe(DiscoveryTrigger.NeverRun);
    }

    [Fact]
    public void Not_due_before_the_next_attempt_and_says_how_long_to_wait()
    {
        var (trigger, wait) = DiscoverySchedule.Decide(Warehouse(status: Discovered()), new DiscoveryAttempts(Now.AddMinutes(3), 0), Now);

        trigger.ShouldBe(DiscoveryTrigger.None);
        wait.ShouldBe(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Due_once_the_next_attempt_time_has_come()
    {
        DiscoverySchedule.Decide(Warehouse(status: Discovered()), new DiscoveryAttempts(Now, 0), Now).Trigger.ShouldBe(DiscoveryTrigger.Due);
    }

    [Fact]
    public void A_spec_change_is_due_at_once_even_while_backing_off()
    {
        var backingOff = new DiscoveryAttempts(Now.AddMinutes(4), 3);

        DiscoverySchedule.Decide(Warehouse(generation: 3, status: Discovered(generation: 2)), backingOff, Now).Trigger.ShouldBe(DiscoveryTrigger.GenerationChanged);
    }

    [Fact]
    public void A_new_refresh_token_is_due_at_once_and_a_handled_one_is_not()
    {
        var attempts = new DiscoveryAttempts(Now.AddMinutes(4), 0);

        DiscoverySchedule.Decide(Warehouse(refresh: "t2", status: Discovered(refresh: "t1")), attempts, Now).Trigger.ShouldBe(DiscoveryTrigger.Refresh);
        DiscoverySchedule.Decide(Warehouse(refresh: "t1", status: Discovered(refresh: "t1")), attempts, Now).Trigger.ShouldBe(DiscoveryTrigger.None);
    }

    [Theory]
    [InlineData(null, 0, 300)]
    [InlineData("10m0s", 0, 600)]
    [InlineData("30s", 0, 30)]
    [InlineData("30s", 120, 120)]
    [InlineData("1h", 120, 3600)]
    [InlineData("bogus", 0, 300)]
    public void The_effective_interval_is_the_larger_of_spec_and_operator_minimum(string? interval, int minimumSeconds, int expectedSeconds)
    {
        DiscoverySchedule.EffectiveInterval(Warehouse(interval: interval).Spec, TimeSpan.FromSeconds(minimumSeconds))
            .ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData(-5, -5)]
    [InlineData(0, 0)]
    [InlineData(-120, -30)]
    public void A_refresh_token_written_by_dray_is_fresh_from_when_it_was_asked_for_but_never_older_than_the_window(int askedSeconds, int expectedSeconds)
    {
        var token = Now.AddSeconds(askedSeconds).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        DiscoverySchedule.FreshAfter(Warehouse(refresh: token), Now).ShouldBe(Now.AddSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData("2026-11-26T05:00:10.0000000+00:00")]
    [InlineData("my-refresh-1")]
    [InlineData("2026-11-26")]
    public void Any_other_refresh_token_asks_for_a_look_from_now_on(string token)
    {
        DiscoverySchedule.FreshAfter(Warehouse(refresh: token), Now).ShouldBe(Now);
    }

    [Fact]
    public void A_first_discovery_shares_a_look_taken_since_the_warehouse_was_created_and_periodic_ones_join_any()
    {
        var created = Warehouse() with { Metadata = Warehouse().Metadata with { CreationTimestamp = Now.AddSeconds(-3) } };
        var old = Warehouse() with { Metadata = Warehouse().Metadata with { CreationTimestamp = Now.AddHours(-1) } };

        DiscoverySchedule.FreshAfter(created, DiscoveryTrigger.NeverRun, Now).ShouldBe(Now.AddSeconds(-3));
        DiscoverySchedule.FreshAfter(old, DiscoveryTrigger.NeverRun, Now).ShouldBe(Now - DiscoverySchedule.RefreshSharingWindow);
        DiscoverySchedule.FreshAfter(Warehouse(), DiscoveryTrigger.NeverRun, Now).ShouldBeNull();
        DiscoverySchedule.FreshAfter(created, DiscoveryTrigger.Due, Now).ShouldBeNull();
        DiscoverySchedule.FreshAfter(created, DiscoveryTrigger.GenerationChanged, Now).ShouldBeNull();
        DiscoverySchedule.FreshAfter(Warehouse(refresh: "x"), DiscoveryTrigger.Refresh, Now).ShouldBe(Now);
    }
}
