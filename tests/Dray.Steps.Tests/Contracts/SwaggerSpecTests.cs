using System.Text.Json.Nodes;

namespace Dray.Steps.Tests.Contracts;

/// <summary>The contract checker must itself catch bad requests, or the contract tests prove nothing.</summary>
public sealed class SwaggerSpecTests
{
    private static readonly SwaggerSpec Gitea = SwaggerSpec.Load(SwaggerSpec.SpecFile("gitea", "swagger.json"));

    [Fact]
    public void A_valid_request_passes() =>
        Gitea.CheckRequest("POST", "/api/v1/repos/o/r/pulls/3/merge", JsonNode.Parse("""{"do":"squash"}""")).ShouldBeEmpty();

    [Theory]
    [InlineData("POST", "/api/v1/repos/o/r/pullz", null, "no path template")]
    [InlineData("PUT", "/api/v1/repos/o/r/pulls/3/merge", null, "PUT is not defined")]
    [InlineData("POST", "/repos/o/r/pulls", null, "outside basePath")]
    [InlineData("POST", "/api/v1/repos/o/r/pulls/3/merge", """{"Do":"merge"}""", "required property do")]
    [InlineData("POST", "/api/v1/repos/o/r/pulls/3/merge", """{"do":"octopus"}""", "is not one of")]
    [InlineData("POST", "/api/v1/repos/o/r/pulls", """{"head":"a","labels":["x"]}""", "expected integer")]
    public void Bad_requests_are_reported(string method, string path, string? body, string expected)
    {
        var problems = Gitea.CheckRequest(method, path, body is null ? null : JsonNode.Parse(body));

        problems.ShouldContain(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Response_fixtures_are_checked_through_refs() =>
        Gitea.CheckResponse("GET", "/api/v1/repos/o/r/pulls/1", 200, JsonNode.Parse("""{"number":"one","head":{"ref":1}}"""))
            .Count.ShouldBe(2);
}
