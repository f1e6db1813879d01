using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model;
using Dray.Core.Model.Schemas;
using Dray.Core.Resources;

namespace Dray.Core.Tests.Model;

/// <summary>Documents of today's form deserialize into the records and serialize back to the same JSON.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Samples => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Model", "Samples"), "*.yaml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_round_trips_through_the_model_unchanged(string sample)
    {
        var original = LoadSample(sample);
        var type = KargoSchemas.ModelType(KindOf(original));

        var model = original.Deserialize(type, KargoJson.Options).ShouldNotBeNull();
        var written = JsonSerializer.SerializeToNode(model, type, KargoJson.Options).ShouldNotBeNull();

        Canonical(written).ShouldBe(Canonical(original));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_conforms_to_the_generated_schema(string sample)
    {
        var original = LoadSample(sample);
        var schema = KargoSchemas.For(KindOf(original));

        var problems = MiniValidator.Validate(schema, original);

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void An_unknown_field_is_reported_by_the_schema()
    {
        var stage = LoadSample("stage.yaml");
        stage["spec"]!["requestedFreight"]![0]!["sources"]!["direct2"] = true;

        MiniValidator.Validate(KargoSchemas.For(ResourceKinds.Stage), stage)
            .ShouldContain("spec.requestedFreight[].sources.direct2: not allowed");
    }

    private static JsonNode LoadSample(string sample) =>
        YamlJson.Load(Path.Combine(AppContext.BaseDirectory, "Model", "Samples", sample)).ShouldNotBeNull();

    private static ResourceKind KindOf(JsonNode document) =>
        ResourceKinds.FindByKind((string)document["apiVersion"]!, (string)document["kind"]!).ShouldNotBeNull();

    /// <summary>JSON text with object keys sorted, so property order does not matter.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
