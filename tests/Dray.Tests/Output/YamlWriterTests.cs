using System.Text.Json.Nodes;
using Dray.Cli.Output;

namespace Dray.Tests.Output;

public sealed class YamlWriterTests
{
    [Fact]
    public void Emits_block_yaml_in_key_order_quoting_only_ambiguous_strings()
    {
        var json = JsonNode.Parse("""
            {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Stage",
             "metadata":{"name":"test","namespace":"kargo-demo","labels":{"enabled":"true"},"annotations":{}},
             "spec":{"requestedFreight":[{"origin":{"kind":"Warehouse","name":"kargo-demo"},"sources":{"direct":true}}],
                     "replicas":3,"ratio":0.5,"version":"1.0","note":null,"empty":"","tags":[],"time":"2024-01-30T10:00:00Z",
                     "script":"line one\nline two\n"}}
            """);
        YamlWriter.ToYaml(json).ShouldBe("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: test
              namespace: kargo-demo
              labels:
                enabled: "true"
              annotations: {}
            spec:
              requestedFreight:
              - origin:
                  kind: Warehouse
                  name: kargo-demo
                sources:
                  direct: true
              replicas: 3
              ratio: 0.5
              version: "1.0"
              note: null
              empty: ""
              tags: []
              time: "2024-01-30T10:00:00Z"
              script: "line one\nline two\n"

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("on")]
    [InlineData("y")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("1.0")]
    [InlineData("0777")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData("-5")]
    [InlineData(".inf")]
    [InlineData("1:20")]
    [InlineData("2024-01-30")]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("<<")]
    public void Strings_a_resolver_would_retype_are_quoted(string value) => YamlWriter.NeedsQuotes(value).ShouldBeTrue();

    [Theory]
    [InlineData("kargo-demo")]
    [InlineData("ghcr.io/akuity/guestbook")]
    [InlineData("^1.0.0")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3")]
    [InlineData("https://github.com/example/kargo-demo.git")]
    public void Ordinary_strings_stay_plain(string value)
    {
        YamlWriter.NeedsQuotes(value).ShouldBeFalse();
        YamlWriter.ToYaml(new JsonObject { ["k"] = value }).ShouldBe($"k: {value}\n");
    }

    [Fact]
    public void Random_trees_of_tricky_strings_read_back_identically()
    {
        const string alphabet = "aynoTFtrue01239.eE+-_:#'\" \n\t{}[],&*!|>%@`?~<=x/\\é";
        var random = new Random(20260130);
        for (var i = 0; i < 3000; i++)
        {
            var node = RandomNode(random, alphabet, depth: 0);
            var yaml = YamlWriter.ToYaml(node);
            var back = YamlReader.Read(yaml);
            JsonNode.DeepEquals(back, node).ShouldBeTrue($"{node?.ToJsonString()}\n--- yaml ---\n{yaml}--- read back ---\n{back?.ToJsonString()}");
        }
    }

    private static JsonNode? RandomNode(Random random, string alphabet, int depth)
    {
        var choice = depth >= 3 ? random.Next(4) : random.Next(7);
        return choice switch
        {
            0 or 1 => JsonValue.Create(RandomString(random, alphabet)),
            2 => random.Next(3) switch { 0 => JsonValue.Create(random.Next(-1000, 1000)), 1 => JsonValue.Create(random.Next(2) == 0), _ => null },
            3 => JsonValue.Create(RandomString(random, alphabet)),
            4 or 5 => new JsonObject(Enumerable.Range(0, random.Next(4))
                .Select(i => KeyValuePair.Create(RandomString(random, alphabet) + i, RandomNode(random, alphabet, depth + 1)))
                .DistinctBy(p => p.Key)),
            _ => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomNode(random, alphabet, depth + 1))]),
        };
    }

    private static string RandomString(Random random, string alphabet) =>
        new([.. Enumerable.Range(0, random.Next(7)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
}
