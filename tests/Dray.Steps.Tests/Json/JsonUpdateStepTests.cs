using Dray.Core.Model.Promotions;
using Dray.Steps.Json;

namespace Dray.Steps.Tests.Json;

public sealed class JsonUpdateStepTests
{
    private const string Config = """
        {
          "image": {
            "repository": "nginx",
            "tag": "1.25.0"
          },
          "replicas": 2,
          "ports": [80, 443],
          "a.b": true
        }

        """;

    public static TheoryData<string, string, string> Edits => new()
    {
        { "image.tag", "\"1.26.0\"", Config.Replace("\"1.25.0\"", "\"1.26.0\"", StringComparison.Ordinal) },
        { "replicas", "3", Config.Replace("\"replicas\": 2", "\"replicas\": 3", StringComparison.Ordinal) },
        { "ports.1", "8443", Config.Replace("[80, 443]", "[80, 8443]", StringComparison.Ordinal) },
        { "ports.-1", "9090", Config.Replace("[80, 443]", "[80, 443,9090]", StringComparison.Ordinal) },
        { "ports.3", "1", Config.Replace("[80, 443]", "[80, 443,null,1]", StringComparison.Ordinal) },
        { "a\\\\.b", "false", Config.Replace("\"a.b\": true", "\"a.b\": false", StringComparison.Ordinal) },
        { "image.pullPolicy", "\"Always\"", Config.Replace("\"tag\": \"1.25.0\"", "\"tag\": \"1.25.0\",\"pullPolicy\":\"Always\"", StringComparison.Ordinal) },
        { "resources.limits.cpu", "\"1\"", Config.Replace("\"a.b\": true", "\"a.b\": true,\"resources\":{\"limits\":{\"cpu\":\"1\"}}", StringComparison.Ordinal) },
        { "image", "{\"ref\":\"nginx@sha256:1\"}", Config.Replace("{\n    \"repository\": \"nginx\",\n    \"tag\": \"1.25.0\"\n  }", "{\"ref\":\"nginx@sha256:1\"}", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Sets_values_in_place_like_sjson(string key, string valueJson, string expected)
    {
        using var h = new StepHarness();
        h.Write("config.json", Config);

        var result = await h.RunAsync(new JsonUpdateStep(), $$"""{"path":"config.json","updates":[{"key":"{{key}}","value":{{valueJson}}}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("config.json").ShouldBe(expected);
    }

    [Fact]
    public async Task Reports_strings_quoted_and_other_values_as_they_are()
    {
        using var h = new StepHarness();
        h.Write("config.json", Config);

        var result = await h.RunAsync(new JsonUpdateStep(), """{"path":"config.json","updates":[{"key":"image.tag","value":"2.0"},{"key":"replicas","value":5}]}""");

        result.Outputs["commitMessage"]!.GetValue<string>().ShouldBe("Updated config.json\n\n- image.tag: \"2.0\"\n- replicas: 5");
    }

    [Theory]
    [InlineData("replicas.max", "its parent is not an object or array")]
    [InlineData("ports.x", "its parent is not an object or array")]
    public async Task Paths_through_scalars_are_errors(string key, string expected)
    {
        using var h = new StepHarness();
        h.Write("config.json", Config);

        var result = await h.RunAsync(new JsonUpdateStep(), $$"""{"path":"config.json","updates":[{"key":"{{key}}","value":1}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Message.ShouldNotBeNull().ShouldContain(expected);
        h.Read("config.json").ShouldBe(Config);
    }

    [Fact]
    public async Task Invalid_json_is_an_error()
    {
        using var h = new StepHarness();
        h.Write("config.json", "{\"a\": ");

        var result = await h.RunAsync(new JsonUpdateStep(), """{"path":"config.json","updates":[{"key":"a","value":1}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Message.ShouldNotBeNull().ShouldStartWith("could not parse config.json");
    }

    [Theory]
    [InlineData("""{"path":"c.json","updates":[{"key":"a"}]}""", "config.updates[0].value: required")]
    [InlineData("""{"path":"c.json","updates":[{"key":"","value":1}]}""", "config.updates[0].key: must be at least 1 character(s) long")]
    [InlineData("""{"path":"c.json","updates":{"key":"a","value":1}}""", "config.updates: expected array, got object")]
    public async Task Invalid_configs_fail_terminally(string config, string expected)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new JsonUpdateStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe($"invalid config: {expected}");
    }
}
