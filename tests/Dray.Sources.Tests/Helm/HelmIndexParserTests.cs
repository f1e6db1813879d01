using Dray.Sources.Helm;

namespace Dray.Sources.Tests.Helm;

public sealed class HelmIndexParserTests
{
    private const string Index = """
        apiVersion: v1
        entries:
          web:
            - name: web
              version: 1.2.0
              appVersion: "2.0"
              digest: abc123
              urls:
                - web-1.2.0.tgz
                - https://mirror.example.com/charts/web-1.2.0.tgz
            - name: web
              version: 1.1.0
              urls:
                - /archive/web-1.1.0.tgz
          empty: []
        generated: "2025-01-01T00:00:00Z"
        """;

    [Theory]
    [InlineData("https://charts.example.com/stable", "web-1.2.0.tgz", "https://charts.example.com/stable/web-1.2.0.tgz")]
    [InlineData("https://charts.example.com/stable/", "sub/web-1.2.0.tgz", "https://charts.example.com/stable/sub/web-1.2.0.tgz")]
    [InlineData("https://charts.example.com/stable", "/archive/web.tgz", "https://charts.example.com/archive/web.tgz")]
    [InlineData("https://charts.example.com/stable", "https://cdn.example.org/web.tgz", "https://cdn.example.org/web.tgz")]
    public void Chart_urls_resolve_against_the_repository_url(string repo, string chart, string expected) =>
        HelmIndexParser.ResolveChartUrl(new Uri(repo), chart).ShouldBe(new Uri(expected));

    [Fact]
    public void Entries_keep_their_versions_and_resolved_urls()
    {
        var index = HelmIndexParser.Parse(Index, new Uri("https://charts.example.com/stable"));

        index.Entries.Keys.Order().ShouldBe(["empty", "web"]);
        var web = index.Entries["web"];
        web.Select(v => v.Version).ShouldBe(["1.2.0", "1.1.0"]);
        web[0].Urls.ShouldBe([new Uri("https://charts.example.com/stable/web-1.2.0.tgz"), new Uri("https://mirror.example.com/charts/web-1.2.0.tgz")]);
        web[0].AppVersion.ShouldBe("2.0");
        web[0].Digest.ShouldBe("abc123");
        web[1].Urls.ShouldBe([new Uri("https://charts.example.com/archive/web-1.1.0.tgz")]);
    }

    [Fact]
    public void The_json_form_of_an_index_is_read_too()
    {
        var index = HelmIndexParser.Parse(
            """{"apiVersion":"v1","entries":{"db":[{"name":"db","version":"0.3.1","urls":["db-0.3.1.tgz"]}]}}""",
            new Uri("http://127.0.0.1/charts/"));

        index.Entries["db"].Single().Urls.Single().ShouldBe(new Uri("http://127.0.0.1/charts/db-0.3.1.tgz"));
    }

    [Theory]
    [InlineData("entries: [unclosed")]
    [InlineData("<html><body>Not an index</body></html>")]
    [InlineData("entries:\n  web:\n    - version: 1.0.0\n")]
    [InlineData("")]
    public void Malformed_indexes_fail_with_a_clear_error(string text)
    {
        var error = Should.Throw<HelmException>(() => HelmIndexParser.Parse(text, new Uri("https://charts.example.com/")));

        error.Kind.ShouldBe(HelmErrorKind.MalformedIndex);
        error.Message.ShouldStartWith("malformed index.yaml from https://charts.example.com/");
    }

    [Theory]
    [InlineData("apiVersion: v1\nentries: [unclosed", "line 3, column 1: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("apiVersion: v1\nentries: [web]\n", "line 2, column 10: expected a mapping, found a list")]
    [InlineData("apiVersion: v1\nentries:\n  web: 5\n", "line 3, column 8: this value does not fit the index format")]
    [InlineData("apiVersion: v1\nentries:\n  web:\n  - urls: [web.tgz\n", "line 5, column 1: While parsing a flow sequence")]
    public void Malformed_indexes_say_where_and_what_without_parser_internals(string text, string expected)
    {
        var error = Should.Throw<HelmException>(() => HelmIndexParser.Parse(text, new Uri("https://charts.example.com/")));

        error.Message.ShouldStartWith($"malformed index.yaml from https://charts.example.com/: {expected}");
        error.Message.ShouldNotContain("Idx:");
        error.Message.ShouldNotContain("System.");
    }
}
