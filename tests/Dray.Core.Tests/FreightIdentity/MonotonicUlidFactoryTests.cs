using Dray.Core.FreightIdentity;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class MonotonicUlidFactoryTests
{
    [Fact]
    public void Ulids_in_the_same_millisecond_strictly_increase()
    {
        var factory = new MonotonicUlidFactory(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero)));

        var ids = Enumerable.Range(0, 1000).Select(_ => factory.Next().ToString()).ToList();

        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public void A_clock_stepping_back_does_not_reorder_ids()
    {
        var time = new SettableClock { Now = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero) };
        var factory = new MonotonicUlidFactory(time);
        var first = factory.Next();
        time.Now = time.Now.AddSeconds(-5);

        var second = factory.Next();

        second.CompareTo(first).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Ids_carry_the_current_time_when_the_clock_moves_on()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
        var factory = new MonotonicUlidFactory(time);
        _ = factory.Next();
        time.Advance(TimeSpan.FromSeconds(1));

        factory.Next().Time.ShouldBe(time.GetUtcNow());
    }

    /// <summary>A clock that can step backwards, which FakeTimeProvider refuses to do.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
