using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Resources;

namespace Dray.Core.Tests.Manifests.Support;

/// <summary>
/// Small hand-written schemas of Project, Warehouse, Stage and Secret, closed like the model's: enough to exercise
/// the validator end to end in these tests.
/// </summary>
internal sealed class TestSchemas : IManifestSchemaProvider
{
    private const string Metadata = """
        {"type":"object","additionalProperties":false,"properties":{
          "name":{"type":"string"},"namespace":{"type":"string"},
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "annotations":{"type":"object","additionalProperties":{"type":"string"}}}}
        """;

    private const string Image = """
        {"type":"object","additionalProperties":false,"required":["repoURL"],"properties":{
          "repoURL":{"type":"string","pattern":"^(\\w+([\\.-]\\w+)*(:[\\d]+)?/)?(\\w+([\\.-]\\w+)*)(/\\w+([\\.-]\\w+)*)*$"},
          "imageSelectionStrategy":{"type":"string","enum":["SemVer","Lexical","Digest","NewestBuild"]},
          "constraint":{"type":"string"},"strictSemvers":{"type":"boolean"},
          "allowTagsRegexes":{"type":"array","items":{"type":"string"}},
          "ignoreTagsRegexes":{"type":"array","items":{"type":"string"}},
          "platform":{"type":"string"},"discoveryLimit":{"type":"integer","minimum":1,"maximum":100}}}
        """;

    private const string Chart = """
        {"type":"object","additionalProperties":false,"required":["repoURL"],"properties":{
          "repoURL":{"type":"string"},"name":{"type":"string"},"semverConstraint":{"type":"string"},
          "discoveryLimit":{"type":"integer"}}}
        """;

    private const string Git = """
        {"type":"object","additionalProperties":false,"required":["repoURL"],"properties":{
          "repoURL":{"type":"string"},"branch":{"type":"string"},"semverConstraint":{"type":"string"},
          "commitSelectionStrategy":{"type":"string","enum":["NewestFromBranch","SemVer","Lexical","NewestTag"]},
          "allowTagsRegexes":{"type":"array","items":{"type":"string"}},
          "ignoreTagsRegexes":{"type":"array","items":{"type":"string"}},
          "includePaths":{"type":"array","items":{"type":"string"}},
          "excludePaths":{"type":"array","items":{"type":"string"}}}}
        """;

    private const string Warehouse = """
        {"type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{
          "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":@Metadata,
          "spec":{"type":"object","additionalProperties":false,"required":["subscriptions"],"properties":{
            "interval":{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(s|m|h))+$"},
            "freightCreationPolicy":{"type":"string","enum":["Automatic","Manual"]},
            "subscriptions":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"properties":{
              "image":@Image,"git":@Git,"chart":@Chart}}}}}}}
        """;

    private const string Stage = """
        {"type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{
          "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":@Metadata,
          "spec":{"type":"object","additionalProperties":false,"required":["requestedFreight"],"properties":{
            "shard":{"type":"string"},
            "vars":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{
              "name":{"type":"string","pattern":"^[a-zA-Z_]\\w*$"},"value":{"type":"string"}}}},
            "requestedFreight":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,
              "required":["origin","sources"],"properties":{
              "origin":{"type":"object","additionalProperties":false,"required":["kind","name"],"properties":{
                "kind":{"type":"string","enum":["Warehouse"]},"name":{"type":"string"}}},
              "sources":{"type":"object","additionalProperties":false,"properties":{
                "direct":{"type":"boolean"},"stages":{"type":"array","items":{"type":"string"}},
                "requiredSoakTime":{"type":"string"}}}}}},
            "promotionTemplate":{"type":"object","additionalProperties":false,"properties":{
              "spec":{"type":"object","additionalProperties":false,"properties":{
                "vars":{"type":"array"},
                "steps":{"type":"array","items":{"type":"object","additionalProperties":false,"properties":{
                  "uses":{"type":"string"},"as":{"type":"string"},"if":{"type":"string"},
                  "continueOnError":{"type":"boolean"},"config":{"type":"object"}}}}}}}},
            "verification":{"type":"object"}}}}}
        """;

    private const string Project = """
        {"type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata"],"properties":{
          "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":@Metadata}}
        """;

    private const string Secret = """
        {"type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata"],"properties":{
          "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":@Metadata,"type":{"type":"string"},
          "data":{"type":"object","additionalProperties":{"type":"string"}},
          "stringData":{"type":"object","additionalProperties":{"type":"string"}}}}
        """;

    public JsonObject? For(ResourceKind kind) => kind.Kind switch
    {
        "Warehouse" => Parse(Warehouse),
        "Stage" => Parse(Stage),
        "Project" => Parse(Project),
        "Secret" => Parse(Secret),
        _ => null,
    };

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json
        .Replace("@Metadata", Metadata, StringComparison.Ordinal).Replace("@Image", Image, StringComparison.Ordinal)
        .Replace("@Git", Git, StringComparison.Ordinal).Replace("@Chart", Chart, StringComparison.Ordinal))!;
}
