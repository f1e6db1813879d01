using System.Net;
using Dray.Core.Resources;

namespace Dray.Client.Tests;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://dray.example.com", "https://dray.example.com/")]
    [InlineData("http://localhost:1/base", "http://localhost:1/base")]
    public void Server_addresses_default_to_http(string input, string expected) =>
        DrayClient.ParseServer(input).AbsoluteUri.ShouldBe(expected);

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("http://")]
    public void Other_schemes_are_rejected(string input) => Should.Throw<FormatException>(() => DrayClient.ParseServer(input));

    [Fact]
    public void Paths_follow_the_api_contract()
    {
        DrayClient.ItemPath(ResourceKinds.Stage, "kargo-demo", "uat").ShouldBe("api/v1/projects/kargo-demo/stages/uat");
        DrayClient.ItemPath(ResourceKinds.Project, null, "kargo-demo").ShouldBe("api/v1/projects/kargo-demo");
        DrayClient.CollectionPath(ResourceKinds.ClusterPromotionTask, null).ShouldBe("api/v1/clusterpromotiontasks");
        DrayClient.ItemPath(ResourceKinds.Freight, "p", "a/b").ShouldBe("api/v1/projects/p/freight/a%2Fb");
        Should.Throw<ArgumentException>(() => DrayClient.CollectionPath(ResourceKinds.Stage, null));
    }

    [Fact]
    public void Validation_problems_map_fields_to_errors()
    {
        var ex = ProblemReader.Parse(HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"name":["is required","is too short"]}}""");
        ex.Message.ShouldBe("One or more validation errors occurred.");
        ex.Errors.Select(e => (e.File, e.Path, e.Message)).ShouldBe([(null, "name", "is required"), (null, "name", "is too short")]);
    }

    [Fact]
    public void An_empty_error_body_falls_back_to_the_status()
    {
        var ex = ProblemReader.Parse(HttpStatusCode.Forbidden, "");
        ex.Message.ShouldBe("the server answered 403 Forbidden");
        ex.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sse_skips_comments_and_dispatches_on_blank_lines()
    {
        var text = ": hello\n\nid: 1\nevent: ADDED\ndata: a\ndata:b\n\ndata: no-event-name\n\nevent: DROPPED\n\n";
        var messages = new List<SseMessage>();
        await foreach (var m in SseReader.ReadAsync(new StringReader(text), CancellationToken.None))
        {
            messages.Add(m);
        }

        messages.ShouldBe([new SseMessage("1", "ADDED", "a\nb"), new SseMessage("1", "message", "no-event-name")]);
    }
}
