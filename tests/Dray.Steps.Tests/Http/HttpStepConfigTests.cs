using Dray.Core.Model.Promotions;
using Dray.Steps.Http;

namespace Dray.Steps.Tests.Http;

public sealed class HttpStepConfigTests
{
    [Theory]
    [InlineData("""{}""", "invalid config: config.url: required")]
    [InlineData("""{"url":""}""", "invalid config: config.url: must be at least 1 character(s) long")]
    [InlineData("""{"url":"http://127.0.0.1/","method":"get"}""", "invalid config: config.method: must match ^(GET|HEAD|POST|PUT|PATCH|DELETE)$")]
    [InlineData("""{"url":"http://127.0.0.1/","method":"TRACE"}""", "invalid config: config.method: must match ^(GET|HEAD|POST|PUT|PATCH|DELETE)$")]
    [InlineData("""{"url":"/relative"}""", "invalid config: config.url: \"/relative\" is not an absolute http or https URL")]
    [InlineData("""{"url":"ftp://example.com/x"}""", "invalid config: config.url: \"ftp://example.com/x\" is not an absolute http or https URL")]
    [InlineData("""{"url":"https://user:pw@example.com/"}""", "invalid config: config.url: credentials in the URL are not allowed; send them in a header")]
    [InlineData("""{"url":"http://127.0.0.1/","timeout":"soon"}""", "invalid config: config.timeout: \"soon\" is not a positive duration")]
    [InlineData("""{"url":"http://127.0.0.1/","pollInterval":"0s"}""", "invalid config: config.pollInterval: \"0s\" is not a positive duration")]
    [InlineData("""{"url":"http://127.0.0.1/","timeout":10}""", "invalid config: config.timeout: expected string or null, got integer")]
    [InlineData("""{"url":"http://127.0.0.1/","headers":[{"value":"x"}]}""", "invalid config: config.headers[0].name: required")]
    [InlineData("""{"url":"http://127.0.0.1/","queryParams":[{"name":""}]}""", "invalid config: config.queryParams[0].name: must be at least 1 character(s) long")]
    [InlineData("""{"url":"http://127.0.0.1/","successExpression":"response.status =="}""", "invalid config: config.successExpression: ")]
    [InlineData("""{"url":"http://127.0.0.1/","failureExpression":"response.status == )"}""", "invalid config: config.failureExpression: ")]
    [InlineData("""{"url":"http://127.0.0.1/","outputs":[{"name":"a"}]}""", "invalid config: config.outputs[0].fromExpression: required")]
    [InlineData("""{"url":"http://127.0.0.1/","outputs":[{"name":"a","fromExpression":"1"},{"name":"a","fromExpression":"2"}]}""", "invalid config: config.outputs[1].name: \"a\" is used twice")]
    [InlineData("""{"url":"http://127.0.0.1/","unknown":true}""", "invalid config: config.unknown: ")]
    public async Task Invalid_configs_fail_terminally_naming_the_field(string config, string message)
    {
        using var h = new StepHarness();
        using var clients = new HttpClients(new HttpStepOptions());

        var result = await h.RunAsync(new HttpStep(clients, new HttpStepOptions()), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldStartWith(message);
    }

    [Fact]
    public async Task An_expression_syntax_error_quotes_the_expression_with_its_column()
    {
        using var h = new StepHarness();
        using var clients = new HttpClients(new HttpStepOptions());

        var result = await h.RunAsync(new HttpStep(clients, new HttpStepOptions()), """{"url":"http://127.0.0.1/","successExpression":"response.status == )"}""");

        result.Message!.ShouldContain("at column 20 in \"response.status == )\"");
    }
}
