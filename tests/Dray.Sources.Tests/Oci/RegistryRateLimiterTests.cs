using Dray.Sources.Oci;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Sources.Tests.Oci;

public sealed class RegistryRateLimiterTests
{
    [Fact]
    public void One_limiter_per_host_and_credential()
    {
        using var registry = new RegistryRateLimiterRegistry(new RegistryRateLimitOptions(), new FakeTimeProvider());
        var alice = new RegistryCredential("alice", "pw");

        registry.Get("ghcr.io", alice).ShouldBeSameAs(registry.Get("GHCR.io", new RegistryCredential("alice", "pw")));
        registry.Get("ghcr.io", alice).ShouldNotBeSameAs(registry.Get("ghcr.io", null));
        registry.Get("ghcr.io", alice).ShouldNotBeSameAs(registry.Get("quay.io", alice));
        registry.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_pause_holds_every_caller_until_it_ends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var registry = new RegistryRateLimiterRegistry(new RegistryRateLimitOptions(), time);
        var limiter = registry.Get("ghcr.io", null);

        limiter.PauseFor(TimeSpan.FromSeconds(30));
        limiter.PauseFor(TimeSpan.FromSeconds(5));
        var waiting = limiter.AcquireAsync(CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        waiting.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        lease.IsAcquired.ShouldBeTrue();
    }

    [Fact]
    public async Task A_full_queue_fails_fast_with_a_transient_error()
    {
        var options = new RegistryRateLimitOptions { TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromHours(1), QueueLimit = 0 };
        using var registry = new RegistryRateLimiterRegistry(options, new FakeTimeProvider());
        var limiter = registry.Get("ghcr.io", null);

        using var first = await limiter.AcquireAsync(CancellationToken.None);
        var error = await Should.ThrowAsync<RegistryException>(() => limiter.AcquireAsync(CancellationToken.None).AsTask());
        error.IsTransient.ShouldBeTrue();
    }
}
