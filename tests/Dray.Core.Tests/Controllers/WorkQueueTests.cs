using Dray.Core.Controllers;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Controllers;

public sealed class WorkQueueTests
{
    private readonly FakeTimeProvider _time = new();

    private WorkQueue<string> NewQueue(double random = 0) =>
        new(_time, new WorkQueueOptions { Backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.5), Random = () => random });

    private static async Task<string> Take(WorkQueue<string> queue)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await queue.GetAsync(cts.Token);
    }

    [Fact]
    public async Task Keys_come_out_in_the_order_they_went_in()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.Add("c");

        (await Take(queue)).ShouldBe("a");
        (await Take(queue)).ShouldBe("b");
        (await Take(queue)).ShouldBe("c");
    }

    [Fact]
    public void A_key_added_twice_while_waiting_is_queued_once()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        queue.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_key_being_processed_is_not_handed_to_a_second_worker_and_is_requeued_after_done()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var first = await Take(queue);
        queue.Add("a");
        queue.Add("a");

        queue.Count.ShouldBe(0);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Should.ThrowAsync<OperationCanceledException>(() => queue.GetAsync(cts.Token));

        queue.Done(first);
        queue.Count.ShouldBe(1);
        (await Take(queue)).ShouldBe("a");
        queue.Done("a");
        queue.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Done_without_a_new_add_does_not_requeue()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Done(await Take(queue));

        queue.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_waiting_worker_wakes_when_a_key_arrives()
    {
        using var queue = NewQueue();
        var waiting = Take(queue);
        waiting.IsCompleted.ShouldBeFalse();

        queue.Add("x");

        (await waiting).ShouldBe("x");
    }

    [Fact]
    public void AddAfter_waits_for_the_clock()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(9));
        queue.Count.ShouldBe(0);
        _time.Advance(TimeSpan.FromSeconds(1));
        queue.Count.ShouldBe(1);
    }

    [Fact]
    public void AddAfter_keeps_the_earliest_pending_time()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.AddAfter("a", TimeSpan.FromSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(3));
        queue.Count.ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(30));
        queue.Count.ShouldBe(1);
    }

    [Fact]
    public void AddAfter_with_no_delay_adds_at_once()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.Zero);

        queue.Count.ShouldBe(1);
    }

    [Fact]
    public void Rate_limited_adds_back_off_exponentially_up_to_the_cap_and_forget_resets()
    {
        using var queue = NewQueue();
        var delays = Enumerable.Range(0, 7).Select(_ => queue.AddRateLimited("a")).ToList();

        delays.Select(d => d.TotalSeconds).ShouldBe([1, 2, 4, 8, 16, 30, 30]);
        queue.NumRequeues("a").ShouldBe(7);

        queue.Forget("a");
        queue.NumRequeues("a").ShouldBe(0);
        queue.AddRateLimited("a").ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Backoff_is_per_key()
    {
        using var queue = NewQueue();
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");

        queue.AddRateLimited("b").ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Jitter_stretches_the_delay_but_never_past_the_cap()
    {
        using var queue = NewQueue(random: 0.999);

        queue.AddRateLimited("a").TotalSeconds.ShouldBe(1.4995, 0.0001);
        for (var i = 0; i < 10; i++)
        {
            queue.AddRateLimited("a").ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public void A_rate_limited_key_arrives_after_its_backoff()
    {
        using var queue = NewQueue();
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");

        // Both pending adds collapse into the earliest one (1 s).
        _time.Advance(TimeSpan.FromMilliseconds(999));
        queue.Count.ShouldBe(0);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Count.ShouldBe(1);
    }
}
