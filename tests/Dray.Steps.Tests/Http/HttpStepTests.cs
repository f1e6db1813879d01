using System.Collections.Concurrent;
using System.Net;
using Dray.Core.Model.Promotions;
using Dray.Steps.Http;
using Dray.TestKit.Infrastructure;

namespace Dray.Steps.Tests.Http;

/// <summary>The <c>http</c> step against a real HTTP server on 127.0.0.1.</summary>
public sealed class HttpStepTests : IAsyncLifetime
{
    private readonly StepHarness _h = new();
    private readonly HttpClients _clients = new(new HttpStepOptions());
    private readonly ConcurrentQueue<(string Method, string Url, string? Auth, string? ContentType, string Body)> _requests = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackHttpServer _server = null!;

    private HttpStep Step => new(_clients, new HttpStepOptions());

    public Task InitializeAsync()
    {
        _server = LoopbackHttpServer.Start(HandleAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
        _clients.Dispose();
        _h.Dispose();
    }

    [Fact]
    public async Task Sends_method_headers_query_and_body_and_reads_outputs_from_the_response()
    {
        var config = $$"""
            {"method":"POST","url":"{{_server.BaseUri}}status?fixed=1",
             "headers":[{"name":"Authorization","value":"Bearer t0k"},{"name":"Content-Type","value":"application/json"}],
             "queryParams":[{"name":"stage","value":"uat & prod"}],
             "body":"{\"freight\":\"abc\"}",
             "successExpression":"response.status == 200 && response.body.ready",
             "outputs":[{"name":"version","fromExpression":"response.body.version"},
                        {"name":"build","fromExpression":"response.header('x-build')"},
                        {"name":"count","fromExpression":"len(response.body.items)"}]}
            """;

        var result = await _h.RunAsync(Step, config);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        result.Outputs.ToJsonString().ShouldBe("""{"version":"1.4.2","build":"b-77","count":3}""");
        _requests.TryDequeue(out var request).ShouldBeTrue();
        request.Method.ShouldBe("POST");
        request.Url.ShouldBe("/status?fixed=1&stage=uat%20%26%20prod");
        request.Auth.ShouldBe("Bearer t0k");
        request.ContentType.ShouldBe("application/json");
        request.Body.ShouldBe("""{"freight":"abc"}""");
    }

    [Theory]
    [InlineData("ok", PromotionStepStatus.Succeeded, false)]
    [InlineData("created", PromotionStepStatus.Succeeded, false)]
    [InlineData("unavailable", PromotionStepStatus.Errored, false)]
    [InlineData("busy", PromotionStepStatus.Errored, false)]
    [InlineData("missing", PromotionStepStatus.Failed, true)]
    [InlineData("forbidden", PromotionStepStatus.Failed, true)]
    public async Task Without_expressions_2xx_succeeds_5xx_and_429_are_retryable_and_other_answers_are_terminal(
        string path, PromotionStepStatus status, bool terminal)
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{_server.BaseUri}}{{path}}"}""");

        result.Status.ShouldBe(status, result.Message);
        result.Terminal.ShouldBe(terminal);
        result.Outputs.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_true_failure_expression_is_a_terminal_failure_even_on_200()
    {
        var result = await _h.RunAsync(Step, $$"""
            {"url":"{{_server.BaseUri}}status","failureExpression":"response.body.state == 'broken'","successExpression":"true",
             "outputs":[{"name":"x","fromExpression":"1"}]}
            """);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe($"GET {_server.BaseUri}status: HTTP 200: failureExpression \"response.body.state == 'broken'\" is true");
        result.Outputs.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_false_failure_expression_alone_means_success()
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{_server.BaseUri}}missing","failureExpression":"response.status >= 500"}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
    }

    [Fact]
    public async Task A_success_expression_not_met_yet_keeps_polling()
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{_server.BaseUri}}status","successExpression":"response.body.version == '2.0.0'","pollInterval":"30s"}""");

        result.Status.ShouldBe(PromotionStepStatus.Running);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        result.Message!.ShouldContain("waiting for successExpression");
    }

    [Fact]
    public async Task A_success_expression_not_met_on_a_503_is_a_retryable_error()
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{_server.BaseUri}}unavailable","successExpression":"response.status == 200"}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeFalse();
        result.Message.ShouldBe($"GET {_server.BaseUri}unavailable: HTTP 503 Service Unavailable");
    }

    [Theory]
    [InlineData("successExpression", "response.status", "config.successExpression: \"response.status\" must evaluate to a bool")]
    [InlineData("failureExpression", "response.nothing.deeper", "config.failureExpression: ")]
    public async Task An_expression_that_cannot_decide_is_terminal_and_names_the_field(string field, string expression, string message)
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{_server.BaseUri}}status","{{field}}":"{{expression}}"}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldStartWith(message);
    }

    [Fact]
    public async Task A_text_body_is_a_string_and_headers_are_lists()
    {
        var result = await _h.RunAsync(Step, $$"""
            {"url":"{{_server.BaseUri}}text",
             "outputs":[{"name":"text","fromExpression":"response.body"},{"name":"build","fromExpression":"response.headers['X-Build']"}]}
            """);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        result.Outputs.ToJsonString().ShouldBe("""{"text":"plain words","build":["b-78"]}""");
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_retryable_error()
    {
        var context = _h.Context($$"""{"url":"{{_server.BaseUri}}hang","timeout":"1s"}""") with { TimeProvider = TimeProvider.System };

        var result = await Step.RunAsync(context, CancellationToken.None);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeFalse();
        result.Message.ShouldBe($"GET {_server.BaseUri}hang: no response within 1s");
    }

    [Fact]
    public async Task A_refused_connection_is_a_retryable_error()
    {
        var port = FreePort.Next();

        var result = await _h.RunAsync(Step, $$"""{"url":"http://127.0.0.1:{{port}}/x"}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/")]
    [InlineData("http://169.254.0.1:8080/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://100.100.100.200/latest/meta-data")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    public async Task Link_local_and_metadata_addresses_are_refused_terminally(string url)
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{url}}"}""");

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message!.ShouldContain("metadata address");
    }

    [Fact]
    public async Task A_redirect_to_the_metadata_address_is_refused_at_connect()
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{_server.BaseUri}}to-metadata"}""");

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe($"GET {_server.BaseUri}to-metadata: 169.254.169.254 resolves to a link-local or cloud metadata address, which the http step does not call");
    }

    [Fact]
    public async Task Query_secrets_never_appear_in_messages()
    {
        var result = await _h.RunAsync(Step, $$"""{"url":"{{_server.BaseUri}}missing?token=s3cret","queryParams":[{"name":"key","value":"hunter2"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Message!.ShouldNotContain("s3cret");
        result.Message!.ShouldNotContain("hunter2");
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        _requests.Enqueue((request.HttpMethod, request.RawUrl ?? "", request.Headers["Authorization"], request.ContentType, body));
        var response = context.Response;
        switch (request.Url!.AbsolutePath)
        {
            case "/status":
                response.Headers["X-Build"] = "b-77";
                await LoopbackHttpServer.RespondAsync(context, 200, "application/json", """{"ready":true,"version":"1.4.2","state":"broken","items":[1,2,3]}""");
                break;
            case "/text":
                response.Headers["X-Build"] = "b-78";
                await LoopbackHttpServer.RespondAsync(context, 200, "text/plain", "plain words");
                break;
            case "/ok":
                await LoopbackHttpServer.RespondAsync(context, 200, "text/plain", "");
                break;
            case "/created":
                await LoopbackHttpServer.RespondAsync(context, 201, "text/plain", "");
                break;
            case "/unavailable":
                await LoopbackHttpServer.RespondAsync(context, 503, "text/plain", "try later");
                break;
            case "/busy":
                await LoopbackHttpServer.RespondAsync(context, 429, "text/plain", "slow down");
                break;
            case "/forbidden":
                await LoopbackHttpServer.RespondAsync(context, 403, "text/plain", "no");
                break;
            case "/to-metadata":
                response.Headers["Location"] = "http://169.254.169.254/latest/meta-data/";
                await LoopbackHttpServer.RespondAsync(context, 302, "text/plain", "");
                break;
            case "/hang":
                await _release.Task;
                await LoopbackHttpServer.RespondAsync(context, 200, "text/plain", "late");
                break;
            default:
                await LoopbackHttpServer.RespondAsync(context, 404, "text/plain", "not found");
                break;
        }
    }
}
