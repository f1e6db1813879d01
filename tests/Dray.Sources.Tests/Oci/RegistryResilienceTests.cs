using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dray.Sources.Oci;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Sources.Tests.Oci;

/// <summary>Failure behaviour a real registry will not produce on demand, against a scripted server on 127.0.0.1.</summary>
public sealed class RegistryResilienceTests
{
    private static readonly OciRegistryClientOptions FastRetries = new()
    {
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        var statuses = new ConcurrentQueue<int>([503, 502]);
        await using var server = LoopbackHttpServer.Start(context =>
            LoopbackHttpServer.RespondAsync(context, statuses.TryDequeue(out var s) ? s : 200, "application/json", "{}"));
        using var oci = new OciTestClient(FastRetries);

        await oci.Client.ProbeAsync(Connection(server), CancellationToken.None);

        oci.Log.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Persistent_server_errors_become_a_transient_error_after_the_retries()
    {
        await using var server = LoopbackHttpServer.Start(context => LoopbackHttpServer.RespondAsync(context, 500, "text/plain", "boom"));
        using var oci = new OciTestClient(FastRetries);

        var error = await Should.ThrowAsync<RegistryException>(() => oci.Client.ListTagsAsync(Connection(server), CancellationToken.None));

        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain("answered HTTP 500 Internal Server Error");
        error.Message.ShouldContain("the tags of app");
        oci.Log.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Too_many_requests_waits_for_Retry_After_and_pauses_the_shared_limiter()
    {
        var first = 1;
        await using var server = LoopbackHttpServer.Start(context =>
        {
            if (Interlocked.Exchange(ref first, 0) == 1)
            {
                context.Response.AddHeader("Retry-After", "1");
                return LoopbackHttpServer.RespondAsync(context, 429, "application/json", "{}");
            }

            return LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"name":"app","tags":["1.0.0"]}""");
        });
        using var oci = new OciTestClient(FastRetries);
        var started = Stopwatch.StartNew();

        var tags = await oci.Client.ListTagsAsync(Connection(server), CancellationToken.None);

        tags.ShouldBe(["1.0.0"]);
        started.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900));
        oci.Limiters.Get(server.BaseUri.Authority, null).PausedUntil.ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        oci.Log.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_max_delay_ends_the_call_with_a_transient_error_carrying_it()
    {
        await using var server = LoopbackHttpServer.Start(context =>
        {
            context.Response.AddHeader("Retry-After", "3600");
            return LoopbackHttpServer.RespondAsync(context, 429, "application/json", "{}");
        });
        using var oci = new OciTestClient(FastRetries with { MaxRetryDelay = TimeSpan.FromSeconds(30) });

        var error = await Should.ThrowAsync<RegistryException>(() => oci.Client.ListTagsAsync(Connection(server), CancellationToken.None));

        error.IsTransient.ShouldBeTrue();
        error.RetryAfter.ShouldBe(TimeSpan.FromHours(1));
        error.Message.ShouldContain("429");
        oci.Log.Requests.Count.ShouldBe(1);
        oci.Limiters.Get(server.BaseUri.Authority, null).PausedUntil.ShouldBeGreaterThan(DateTimeOffset.UnixEpoch.AddYears(50));
    }

    [Fact]
    public async Task Slow_answers_time_out_per_attempt_and_are_retried()
    {
        var calls = 0;
        await using var server = LoopbackHttpServer.Start(async context =>
        {
            if (Interlocked.Increment(ref calls) < 3)
            {
                // Far beyond the attempt timeout, so a slow machine cannot make a "slow" answer arrive in time.
                await Task.Delay(TimeSpan.FromSeconds(30));
            }

            await LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"tags":["x"]}""");
        });
        // 2 s is 10x more than a loaded machine needs for the fast third answer; 300 ms was not always enough.
        using var oci = new OciTestClient(FastRetries with { AttemptTimeout = TimeSpan.FromSeconds(2) });

        var tags = await oci.Client.ListTagsAsync(Connection(server), CancellationToken.None);

        tags.ShouldBe(["x"]);
        oci.Log.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_become_a_transient_error()
    {
        await using var server = LoopbackHttpServer.Start(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            await LoopbackHttpServer.RespondAsync(context, 200, "application/json", "{}");
        });
        using var oci = new OciTestClient(FastRetries with { MaxRetryAttempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Should.ThrowAsync<RegistryException>(() => oci.Client.ProbeAsync(Connection(server), CancellationToken.None));

        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain("timed out");
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(401)]
    public async Task Client_errors_are_not_retried(int status)
    {
        await using var server = LoopbackHttpServer.Start(context => LoopbackHttpServer.RespondAsync(context, status, "application/json", "{}"));
        using var oci = new OciTestClient(FastRetries);

        var error = await Should.ThrowAsync<RegistryException>(() => oci.Client.ListTagsAsync(Connection(server), CancellationToken.None));

        error.IsTransient.ShouldBeFalse();
        oci.Log.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_token_is_reused_until_it_expires_then_fetched_again()
    {
        var tokensIssued = 0;
        LoopbackHttpServer? server = null;
        server = LoopbackHttpServer.Start(context =>
        {
            if (context.Request.Url!.AbsolutePath == "/token")
            {
                var n = Interlocked.Increment(ref tokensIssued);
                return LoopbackHttpServer.RespondAsync(context, 200, "application/json", $$"""{"token":"tok-{{n}}","expires_in":120}""");
            }

            if (context.Request.Headers["Authorization"] is not { } auth || !auth.StartsWith("Bearer tok-", StringComparison.Ordinal))
            {
                context.Response.AddHeader("WWW-Authenticate", $"Bearer realm=\"{server!.BaseUri}token\",service=\"scripted\"");
                return LoopbackHttpServer.RespondAsync(context, 401, "application/json", "{}");
            }

            return LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"tags":["a"]}""");
        });
        await using var _ = server;
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var oci = new OciTestClient(FastRetries, time);
        var connection = Connection(server);

        await oci.Client.ListTagsAsync(connection, CancellationToken.None);
        await oci.Client.ListTagsAsync(connection, CancellationToken.None);
        tokensIssued.ShouldBe(1);

        time.Advance(TimeSpan.FromMinutes(2));
        await oci.Client.ListTagsAsync(connection, CancellationToken.None);

        tokensIssued.ShouldBe(2);
        oci.Log.Requests[^1].Authorization.ShouldBe("Bearer tok-2");
        var token = oci.Log.Requests.First(r => r.Uri.AbsolutePath == "/token").Uri.Query;
        token.ShouldContain("service=scripted");
        token.ShouldContain("scope=repository%3Aapp%3Apull");
    }

    [Fact]
    public async Task A_revoked_cached_token_is_replaced_once()
    {
        var tokensIssued = 0;
        LoopbackHttpServer? server = null;
        server = LoopbackHttpServer.Start(context =>
        {
            if (context.Request.Url!.AbsolutePath == "/token")
            {
                var n = Interlocked.Increment(ref tokensIssued);
                return LoopbackHttpServer.RespondAsync(context, 200, "application/json", $$"""{"token":"tok-{{n}}","expires_in":3600}""");
            }

            // Only the newest token is valid: earlier ones count as revoked.
            if (context.Request.Headers["Authorization"] != $"Bearer tok-{Volatile.Read(ref tokensIssued)}")
            {
                context.Response.AddHeader("WWW-Authenticate", $"Bearer realm=\"{server!.BaseUri}token\",service=\"scripted\"");
                return LoopbackHttpServer.RespondAsync(context, 401, "application/json", "{}");
            }

            return LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"tags":["a"]}""");
        });
        await using var _ = server;
        using var oci = new OciTestClient(FastRetries);
        var connection = Connection(server);
        await oci.Client.ListTagsAsync(connection, CancellationToken.None);

        Interlocked.Increment(ref tokensIssued);
        var tags = await oci.Client.ListTagsAsync(connection, CancellationToken.None);

        tags.ShouldBe(["a"]);
        tokensIssued.ShouldBe(3);
        oci.Log.Requests[^1].Authorization.ShouldBe("Bearer tok-3");
    }

    private static RegistryConnection Connection(LoopbackHttpServer server) =>
        new(ImageReference.Parse($"{server.BaseUri.Authority}/app"));
}
