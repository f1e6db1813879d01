using Dray.Core.Model.Promotions;
using Dray.Steps.Yaml;

namespace Dray.Steps.Tests.Yaml;

public sealed class YamlUpdateStepTests
{
    private const string Values = """
        # Default values for the chart.
        image:
          repository: nginx   # the upstream image
          tag: "1.25.0"
          pullPolicy: 'IfNotPresent'

        replicas: 2
        containers:
          - name: app
            image: nginx:1.25.0
          - name: sidecar
            image: envoy:1.0
        a.b: dotted
        "8080": numeric-key
        notes: |
          first line
          second line
        after: end
        """;

    public static TheoryData<string, string, string> Edits => new()
    {
        // key, value JSON, the single line of the file that is expected to change (before => after)
        { "image.tag", "\"1.26.0\"", "  tag: \"1.25.0\"=>  tag: \"1.26.0\"" },
        { "image.repository", "\"ghcr.io/acme/nginx\"", "  repository: nginx   # the upstream image=>  repository: ghcr.io/acme/nginx   # the upstream image" },
        { "image.pullPolicy", "\"Always\"", "  pullPolicy: 'IfNotPresent'=>  pullPolicy: 'Always'" },
        { "replicas", "3", "replicas: 2=>replicas: 3" },
        { "replicas", "\"3\"", "replicas: 2=>replicas: \"3\"" },
        { "image.repository", "\"true\"", "  repository: nginx   # the upstream image=>  repository: \"true\"   # the upstream image" },
        { "image.repository", "\"a: b\"", "  repository: nginx   # the upstream image=>  repository: \"a: b\"   # the upstream image" },
        { "containers.1.image", "\"envoy:1.1\"", "    image: envoy:1.0=>    image: envoy:1.1" },
        { "a\\.b", "\"x\"", "a.b: dotted=>a.b: x" },
        { ":8080", "\"k\"", "\"8080\": numeric-key=>\"8080\": k" },
        { "replicas", "null", "replicas: 2=>replicas: null" },
        { "replicas", "{\"min\":1}", "replicas: 2=>replicas: {\"min\":1}" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Changes_only_the_addressed_scalar(string key, string valueJson, string change)
    {
        using var h = new StepHarness();
        h.Write("values.yaml", Values);
        var (before, after) = (change.Split("=>")[0], change.Split("=>")[1]);

        var result = await h.RunAsync(new YamlUpdateStep(), $$"""{"path":"values.yaml","updates":[{"key":"{{key.Replace("\\", "\\\\", StringComparison.Ordinal)}}","value":{{valueJson}}}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("values.yaml").ShouldBe(ReplaceLine(Values, before, after));
    }

    [Fact]
    public async Task Replaces_a_block_scalar_and_keeps_the_following_lines()
    {
        using var h = new StepHarness();
        h.Write("values.yaml", Values);

        var result = await h.RunAsync(new YamlUpdateStep(), """{"path":"values.yaml","updates":[{"key":"notes","value":"one\ntwo"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("values.yaml").ShouldBe(Values.Replace("notes: |\n  first line\n  second line\n", "notes: \"one\\ntwo\"\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("base:\n  tag: &t 1.0 # anchored\nother: *t\n", "base.tag", "base:\n  tag: &t \"2.0\" # anchored\nother: *t\n")]
    [InlineData("a: !!str 1.0\n", "a", "a: !!str \"2.0\"\n")]
    [InlineData("a:\r\n  b: x\r\n  c: y\r\n", "a.c", "a:\r\n  b: x\r\n  c: \"2.0\"\r\n")]
    [InlineData("---\na: [1, 2]\n...\n", "a.1", "---\na: [1, \"2.0\"]\n...\n")]
    public async Task Keeps_anchors_tags_line_endings_and_flow_style(string before, string key, string after)
    {
        using var h = new StepHarness();
        h.Write("v.yaml", before);

        var result = await h.RunAsync(new YamlUpdateStep(), $$"""{"path":"v.yaml","updates":[{"key":"{{key}}","value":"2.0"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("v.yaml").ShouldBe(after);
    }

    [Fact]
    public async Task Reports_the_updates_in_the_commit_message()
    {
        using var h = new StepHarness();
        h.Write("values.yaml", Values);

        var result = await h.RunAsync(new YamlUpdateStep(), """
            {"path":"values.yaml","updates":[{"key":"image.tag","value":"1.26.0"},{"key":"image.repository","value":"nginx"},{"key":"replicas","value":3}]}
            """);

        result.Outputs["commitMessage"]!.GetValue<string>().ShouldBe("Updated values.yaml\n\n- image.tag: 1.26.0\n- image.repository: nginx\n- replicas: 3");
    }

    [Theory]
    [InlineData("image.digest", "key \"image.digest\" not found")]
    [InlineData("containers.5.image", "key \"containers.5\" not found")]
    [InlineData("image", "the value is not a scalar")]
    public async Task Missing_or_non_scalar_keys_are_errors(string key, string expected)
    {
        using var h = new StepHarness();
        h.Write("values.yaml", Values);

        var result = await h.RunAsync(new YamlUpdateStep(), $$"""{"path":"values.yaml","updates":[{"key":"{{key}}","value":"x"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Message.ShouldNotBeNull().ShouldContain(expected);
        h.Read("values.yaml").ShouldBe(Values);
    }

    [Theory]
    [InlineData("""{"updates":[{"key":"a","value":1}]}""", "config.path: required")]
    [InlineData("""{"path":"v.yaml"}""", "config.updates: required")]
    [InlineData("""{"path":"v.yaml","updates":[]}""", "config.updates: must have at least 1 item(s)")]
    [InlineData("""{"path":"v.yaml","updates":[{"value":1}]}""", "config.updates[0].key: required")]
    [InlineData("""{"path":7,"updates":[{"key":"a","value":1}]}""", "config.path: expected string, got integer")]
    [InlineData("""{"path":"v.yaml","updates":[{"key":"a","value":1}],"extra":true}""", "config.extra: unknown field")]
    public async Task Invalid_configs_fail_terminally(string config, string expected)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new YamlUpdateStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe($"invalid config: {expected}");
    }

    [Theory]
    [InlineData("../values.yaml")]
    [InlineData("a/../../values.yaml")]
    public async Task Paths_outside_the_work_directory_are_rejected(string path)
    {
        using var h = new StepHarness();
        h.WriteOutside("values.yaml", "a: 1\n");

        var result = await h.RunAsync(new YamlUpdateStep(), $$"""{"path":"{{path}}","updates":[{"key":"a","value":2}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        h.ReadOutside("values.yaml").ShouldBe("a: 1\n");
    }

    private static string ReplaceLine(string text, string before, string after)
    {
        var lines = text.Split('\n');
        var index = Array.IndexOf(lines, before);
        index.ShouldBeGreaterThanOrEqualTo(0, $"line not in fixture: {before}");
        lines[index] = after;
        return string.Join('\n', lines);
    }
}
