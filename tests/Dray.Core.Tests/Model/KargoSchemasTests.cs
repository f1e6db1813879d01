using System.Text.Json.Nodes;
using Dray.Core.Model.Schemas;
using Dray.Core.Resources;

namespace Dray.Core.Tests.Model;

public sealed class KargoSchemasTests
{
    public static TheoryData<string> AllKinds => new(ResourceKinds.All.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_kind_has_a_closed_document_schema_with_fixed_api_version_and_kind(string kind)
    {
        var resourceKind = ResourceKinds.FindByKind(kind)!;
        var schema = KargoSchemas.For(resourceKind);

        schema["type"]!.GetValue<string>().ShouldBe("object");
        schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        schema["properties"]!["apiVersion"]!["const"]!.GetValue<string>().ShouldBe(resourceKind.ApiVersion);
        schema["properties"]!["kind"]!["const"]!.GetValue<string>().ShouldBe(kind);
        Required(schema).ShouldContain("apiVersion");
        Required(schema).ShouldContain("kind");
        Required(schema).ShouldContain("metadata");
        schema.ToJsonString().ShouldNotContain("$ref");
    }

    [Fact]
    public void Stage_spec_is_closed_but_step_config_is_open()
    {
        var schema = KargoSchemas.For(ResourceKinds.Stage);
        var spec = Node(schema, "spec");
        var step = Node(schema, "spec", "promotionTemplate", "spec", "steps", "[]");

        spec["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        Required(spec).ShouldBe(["requestedFreight"]);
        Node(schema, "spec", "requestedFreight")["minItems"]!.GetValue<int>().ShouldBe(1);
        step["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        SchemaWalker.IsOpen(step["properties"]!["config"]!).ShouldBeTrue();
        Node(schema, "spec", "vars", "[]", "name")["pattern"]!.GetValue<string>().ShouldBe(@"^[a-zA-Z_]\w*$");
        Node(schema, "spec", "requestedFreight", "[]", "sources", "availabilityStrategy")["enum"]!.AsArray()
            .Select(v => v?.GetValue<string>()).ShouldBe(["", "OneOf", "All", null]);
    }

    [Fact]
    public void Warehouse_schema_carries_defaults_patterns_and_ranges_from_attributes()
    {
        var schema = KargoSchemas.For(ResourceKinds.Warehouse);
        var interval = Node(schema, "spec", "interval");
        var image = Node(schema, "spec", "subscriptions", "[]", "image");

        interval["default"]!.GetValue<string>().ShouldBe("5m0s");
        interval["pattern"]!.GetValue<string>().ShouldBe(@"^([0-9]+(\.[0-9]+)?(s|m|h))+$");
        Node(schema, "spec", "freightCreationPolicy")["default"]!.GetValue<string>().ShouldBe("Automatic");
        Required(image).ShouldBe(["repoURL"]);
        image["properties"]!["discoveryLimit"]!["minimum"]!.GetValue<int>().ShouldBe(1);
        image["properties"]!["discoveryLimit"]!["maximum"]!.GetValue<int>().ShouldBe(100);
        image["properties"]!["imageSelectionStrategy"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>())
            .ShouldBe(["SemVer", "Lexical", "Digest", "NewestBuild", null]);
        image["properties"]!["strictSemvers"]!["default"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Warehouse_subscriptions_stay_open_for_generic_subscription_types()
    {
        var subscription = Node(KargoSchemas.For(ResourceKinds.Warehouse), "spec", "subscriptions", "[]");

        subscription["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["name", "git", "image", "chart"]);
        subscription.AsObject().ContainsKey("additionalProperties").ShouldBeFalse();
        subscription["type"]!.GetValue<string>().ShouldBe("object");
    }

    [Fact]
    public void Freight_data_fields_are_top_level_and_origin_is_required()
    {
        var schema = KargoSchemas.For(ResourceKinds.Freight);

        schema["properties"]!.AsObject().ContainsKey("spec").ShouldBeFalse();
        Required(schema).ShouldContain("origin");
        Node(schema, "origin", "kind")["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["Warehouse"]);
        Node(schema, "discoveredAt")["format"]!.GetValue<string>().ShouldBe("date-time");
    }

    [Fact]
    public void Analysis_limits_accept_numbers_and_strings()
    {
        var metric = Node(KargoSchemas.For(ResourceKinds.AnalysisTemplate), "spec", "metrics", "[]");

        metric["properties"]!["failureLimit"]!["type"]!.AsArray().Select(t => t!.GetValue<string>())
            .ShouldBe(["integer", "string", "null"]);
        Required(metric).ShouldBe(["name", "provider"]);
        SchemaWalker.IsOpen(metric["properties"]!["provider"]!["properties"]!["job"]!).ShouldBeTrue();
        Required(Node(metric, "provider", "web")).ShouldBe(["url"]);
    }

    [Fact]
    public void Secret_schema_has_string_maps_for_data()
    {
        var schema = KargoSchemas.For(ResourceKinds.Secret);

        Node(schema, "data", "{}")["type"]!.GetValue<string>().ShouldBe("string");
        Node(schema, "stringData", "{}")["type"]!.GetValue<string>().ShouldBe("string");
        Node(schema, "metadata", "labels", "{}")["type"]!.GetValue<string>().ShouldBe("string");
    }

    [Fact]
    public void For_returns_a_copy_the_caller_may_change()
    {
        var first = KargoSchemas.For(ResourceKinds.Stage);
        first["properties"]!.AsObject().Remove("spec");

        KargoSchemas.For(ResourceKinds.Stage)["properties"]!["spec"].ShouldNotBeNull();
    }

    private static JsonObject Node(JsonNode schema, params string[] path) =>
        SchemaWalker.Resolve(schema, path).Node.ShouldNotBeNull($"no schema at {SchemaWalker.Format(path)}").AsObject();

    private static List<string> Required(JsonNode schema) =>
        (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToList() ?? [];
}
