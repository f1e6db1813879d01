using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Verification;
using Dray.Sources.Metrics;
using Dray.TestKit.Infrastructure;

namespace Dray.Sources.Tests.Metrics;

/// <summary>Against a real HTTP endpoint on 127.0.0.1.</summary>
public sealed class WebMetricProviderTests : IAsyncLifetime
{
    private readonly List<(string Method, string Path, string? Header, string Body)> requests = [];
    private LoopbackHttpServer server = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        server = LoopbackHttpServer.Start(async context =>
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            lock (requests)
            {
                requests.Add((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["X-Token"], body));
            }

            switch (context.Request.Url.AbsolutePath)
            {
                case "/health":
                    await LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"data":{"ok":true,"status":"ok","rate":0.99}}""");
                    break;
                case "/text":
                    await LoopbackHttpServer.RespondAsync(context, 200, "text/plain", "ok");
                    break;
                case "/slow":
                    // Far beyond the metric's 1 s timeout, so a loaded machine cannot let the answer win the race.
                    await Task.Delay(TimeSpan.FromSeconds(30));
                    await LoopbackHttpServer.RespondAsync(context, 200, "application/json", "{}");
                    break;
                default:
                    await LoopbackHttpServer.RespondAsync(context, 503, "text/plain", "down");
                    break;
            }
        });
        client = new HttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private Metric Metric(string path, string? jsonPath, string? success = null, string method = "GET", string? body = null, long? timeout = null) => new()
    {
        Name = "web",
        SuccessCondition = success,
        Provider = new MetricProvider
        {
            Web = new WebMetric
            {
                Url = new Uri(server.BaseUri, path).ToString(),
                Method = method,
                Body = body,
                JsonPath = jsonPath,
                TimeoutSeconds = timeout,
                Headers = [new WebMetricHeader { Key = "X-Token", Value = "secret" }],
            },
        },
    };

    [Theory]
    [InlineData("{$.data.ok}", "true")]
    [InlineData("{$.data.status}", "ok")]
    [InlineData("{$.data.rate}", "0.99")]
    [InlineData(null, """{"data":{"ok":true,"status":"ok","rate":0.99}}""")]
    public async Task Reads_the_value_at_the_json_path(string? jsonPath, string display)
    {
        var value = await new WebMetricProvider(client).MeasureAsync(Metric("/health", jsonPath), CancellationToken.None);

        value.Error.ShouldBeNull();
        value.Display.ShouldBe(display);
        requests.ShouldHaveSingleItem().ShouldBe(("GET", "/health", "secret", ""));
    }

    [Fact]
    public async Task Sends_method_headers_and_body()
    {
        await new WebMetricProvider(client).MeasureAsync(Metric("/health", "{$.data.ok}", method: "POST", body: """{"q":1}"""), CancellationToken.None);

        requests.ShouldHaveSingleItem().ShouldBe(("POST", "/health", "secret", """{"q":1}"""));
    }

    [Fact]
    public async Task Non_json_body_without_a_path_is_a_string()
    {
        var value = await new WebMetricProvider(client).MeasureAsync(Metric("/text", null), CancellationToken.None);

        value.Result!.GetValue<string>().ShouldBe("ok");
    }

    [Theory]
    [InlineData("/down", null, "received non 2xx response code: 503")]
    [InlineData("/health", "{$.data.nope}", "{$.data.nope}: .nope is not found")]
    [InlineData("/text", "{$.ok}", "response is not JSON")]
    public async Task Failures_are_measurement_errors(string path, string? jsonPath, string error)
    {
        var value = await new WebMetricProvider(client).MeasureAsync(Metric(path, jsonPath), CancellationToken.None);

        value.Error.ShouldNotBeNull().ShouldStartWith(error);
    }

    [Fact]
    public async Task Times_out()
    {
        var value = await new WebMetricProvider(client).MeasureAsync(Metric("/slow", null, timeout: 1), CancellationToken.None);

        value.Error.ShouldBe($"request to {new Uri(server.BaseUri, "/slow")} timed out");
    }

    [Fact]
    public async Task Connection_refused_is_an_error()
    {
        var port = FreePort.Next();
        var metric = new Metric { Name = "m", Provider = new MetricProvider { Web = new WebMetric { Url = $"http://127.0.0.1:{port}/" } } };

        var value = await new WebMetricProvider(client).MeasureAsync(metric, CancellationToken.None);

        value.Error.ShouldNotBeNull().ShouldStartWith("request to");
    }

    [Fact]
    public async Task A_whole_analysis_run_succeeds_against_the_endpoint()
    {
        var run = new AnalysisRun
        {
            Metadata = new ObjectMeta { Name = "uat.x.abc", Namespace = "p" },
            Spec = new AnalysisRunSpec
            {
                Metrics =
                [
                    Metric("/health", "{$.data.status}", "result == \"ok\""),
                    Metric("/health", "{$.data.rate}", "result >= 0.95") with { Name = "rate" },
                ],
            },
        };

        var done = await new AnalysisRunner([new WebMetricProvider(client)], TimeProvider.System).RunToCompletionAsync(run, CancellationToken.None);

        done.Status!.Phase.ShouldBe(AnalysisPhase.Successful);
        done.Status.MetricResults!.Select(r => r.Measurements!.Single().Value).ShouldBe(["ok", "0.99"]);
    }

    [Fact]
    public async Task A_failing_condition_fails_the_run()
    {
        var run = new AnalysisRun
        {
            Metadata = new ObjectMeta { Name = "uat.x.abc", Namespace = "p" },
            Spec = new AnalysisRunSpec { Metrics = [Metric("/health", "{$.data.rate}", "result >= 0.999")] },
        };

        var done = await new AnalysisRunner([new WebMetricProvider(client)], TimeProvider.System).RunToCompletionAsync(run, CancellationToken.None);

        done.Status!.Phase.ShouldBe(AnalysisPhase.Failed);
    }
}
