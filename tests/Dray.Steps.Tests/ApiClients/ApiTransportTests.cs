using System.Net;
using Dray.Steps.ApiClients;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Steps.Tests.ApiClients;

public sealed class ApiTransportTests
{
    private const string Secret = "s3cr3t-value";

    private static ApiTransport Transport(HttpClient http, TimeSpan attemptTimeout) => new(
        http,
        "Test",
        h => h.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret),
        [Secret],
        new ApiTransportOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = attemptTimeout },
        TimeProvider.System,
        NullLogger.Instance);

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        var calls = 0;
        await using var server = LoopbackHttpServer.Start(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Far beyond the attempt timeout, so a slow machine cannot make the "slow" answer arrive in time.
                await Task.Delay(TimeSpan.FromSeconds(30));
            }

            await LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"ok":true}""");
        });
        using var http = new HttpClient();

        // 2 s is 10x more than a loaded machine needs for the fast second answer; 300 ms was not always enough.
        var response = await Transport(http, TimeSpan.FromSeconds(2)).SendAsync(HttpMethod.Get, server.BaseUri, null, CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task Non_json_error_bodies_are_quoted_with_the_secret_scrubbed()
    {
        await using var server = LoopbackHttpServer.Start(context =>
            LoopbackHttpServer.RespondAsync(context, 403, "text/plain", $"denied for Bearer {Secret}"));
        using var http = new HttpClient();
        var transport = Transport(http, TimeSpan.FromSeconds(5));

        var response = await transport.SendAsync(HttpMethod.Get, server.BaseUri, null, CancellationToken.None);
        var error = transport.Failure(response, "reading things");

        error.Terminal.ShouldBeTrue();
        error.Message.ShouldBe("Test: reading things failed with HTTP 403 Forbidden (the token lacks permission for this repository or operation): denied for Bearer ***");
    }

    [Fact]
    public async Task An_unreachable_server_is_a_retryable_error()
    {
        var port = FreePort.Next();
        using var http = new HttpClient();

        var e = await Should.ThrowAsync<ApiException>(() =>
            Transport(http, TimeSpan.FromSeconds(5)).SendAsync(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/x"), null, CancellationToken.None));

        e.Terminal.ShouldBeFalse();
        e.Message.ShouldStartWith("Test: GET /x failed");
    }
}
