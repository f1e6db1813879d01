using Dray.Server.Ui.Model;

namespace Dray.Server.Tests.Ui;

public sealed class PipelineLayersTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // stages as "name<-sources" ( w: = warehouse, s: = stage ), separated by ';'  →  expected "name=layer" sorted
        { "one direct stage", "dev<-w:app", "dev=1" },
        { "a chain", "dev<-w:app;test<-s:dev;prod<-s:test", "dev=1;prod=3;test=2" },
        { "fan out", "dev<-w:app;east<-s:dev;west<-s:dev", "dev=1;east=2;west=2" },
        { "join takes the deepest upstream", "dev<-w:app;test<-s:dev;uat<-s:test;prod<-s:dev,s:uat", "dev=1;prod=4;test=2;uat=3" },
        { "direct plus upstream", "dev<-w:app;prod<-w:app,s:dev", "dev=1;prod=2" },
        { "order of input does not matter", "prod<-s:test;test<-s:dev;dev<-w:app", "dev=1;prod=3;test=2" },
        { "unknown upstream counts as layer 0", "orphan<-s:ghost", "orphan=1" },
        { "no sources at all", "lonely<-", "lonely=1" },
        { "a cycle terminates", "a<-s:b;b<-s:a", "a=2;b=1" },
        { "two warehouses", "front<-w:web;back<-w:api;e2e<-s:front,s:back", "back=1;e2e=2;front=1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Layers_follow_requested_freight_sources(string name, string stages, string expected)
    {
        var nodes = stages.Split(';').Select(Parse).ToList();

        var layers = PipelineLayers.Compute(nodes);

        string.Join(";", layers.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")).ShouldBe(expected, name);
    }

    private static PipelineNode Parse(string text)
    {
        var parts = text.Split("<-");
        var sources = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new PipelineNode(
            parts[0],
            [.. sources.Where(s => s.StartsWith("w:", StringComparison.Ordinal)).Select(s => s[2..])],
            [.. sources.Where(s => s.StartsWith("s:", StringComparison.Ordinal)).Select(s => s[2..])]);
    }
}
