using System.Text.Json.Nodes;
using Dray.Cli.Output;
using Dray.Core.Resources;

namespace Dray.Tests.Output;

public sealed class ResourcePrinterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly ResourceDocument Test = ResourceDocument.Parse("""
        {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Stage",
         "metadata":{"name":"test","namespace":"kargo-demo","creationTimestamp":"2026-01-30T11:55:00Z"},
         "spec":{"shard":"east"},
         "status":{"phase":"Steady","health":{"status":"Healthy"},
                   "conditions":[{"type":"Ready","status":"True","reason":"Ready","message":"Freight f1a2b3c is healthy and verified","lastTransitionTime":"2026-01-30T11:56:00Z"}],
                   "freightHistory":[{"items":{"Warehouse/kargo-demo":{"name":"f1a2b3c","origin":{"kind":"Warehouse","name":"kargo-demo"}}}}]}}
        """);

    private static readonly ResourceDocument Uat = ResourceDocument.Parse("""
        {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Stage",
         "metadata":{"name":"uat","namespace":"kargo-demo","creationTimestamp":"2026-01-27T12:00:00Z"},
         "spec":{}}
        """);

    private static string Print(IReadOnlyList<ResourceDocument> docs, string format, bool noHeaders = false, bool single = false, ResourceKind? kind = null)
    {
        using var writer = new StringWriter();
        ResourcePrinter.Print(writer, kind ?? ResourceKinds.Stage, docs, format, noHeaders, single, Now);
        return writer.ToString();
    }

    [Fact]
    public void Stage_table_shows_freight_health_ready_and_age_and_tolerates_missing_status()
    {
        Print([Test, Uat], OutputFormat.Table).ShouldBe("""
            NAME   SHARD   CURRENT FREIGHT   HEALTH    READY   AGE
            test   east    f1a2b3c           Healthy   True    5m
            uat                                                3d

            """);
    }

    [Fact]
    public void Wide_adds_the_project_and_no_headers_drops_the_header()
    {
        var wide = Print([Test], OutputFormat.Wide, noHeaders: true);
        wide.ShouldBe("test   east   f1a2b3c   Healthy   True   Steady   Freight f1a2b3c is healthy and verified   kargo-demo   5m\n");
    }

    [Fact]
    public void Freight_table_reads_alias_from_the_field_or_the_label()
    {
        var f1 = ResourceDocument.Parse("""{"kind":"Freight","metadata":{"name":"abc","namespace":"p"},"alias":"mortal-dragonfly","origin":{"kind":"Warehouse","name":"wh"}}""");
        var f2 = ResourceDocument.Parse("""{"kind":"Freight","metadata":{"name":"def","namespace":"p","labels":{"kargo.akuity.io/alias":"frozen-tauntaun"}}}""");
        Print([f1, f2], OutputFormat.Table, kind: ResourceKinds.Freight).ShouldBe("""
            NAME   ALIAS              ORIGIN   AGE
            abc    mortal-dragonfly   wh       <unknown>
            def    frozen-tauntaun             <unknown>

            """);
    }

    [Fact]
    public void Json_of_a_list_is_a_List_and_of_one_named_object_is_the_object()
    {
        var list = JsonNode.Parse(Print([Test, Uat], OutputFormat.Json))!;
        list["apiVersion"]!.GetValue<string>().ShouldBe("v1");
        list["kind"]!.GetValue<string>().ShouldBe("List");
        list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ShouldBe(["test", "uat"]);

        var one = JsonNode.Parse(Print([Test], OutputFormat.Json, single: true))!;
        JsonNode.DeepEquals(one, Test.Json).ShouldBeTrue();
    }

    [Fact]
    public void Yaml_of_a_list_reads_back_as_the_same_List()
    {
        var yaml = Print([Test, Uat], OutputFormat.Yaml);
        yaml.ShouldStartWith("apiVersion: v1\nkind: List\nitems:\n- apiVersion: kargo.akuity.io/v1alpha1\n");
        var back = YamlReader.Read(yaml);
        JsonNode.DeepEquals(back, ResourcePrinter.Envelope([Test, Uat], single: false)).ShouldBeTrue();
    }

    [Fact]
    public void Name_prints_lower_case_kind_slash_name()
    {
        Print([Test, Uat], OutputFormat.Name).ShouldBe("stage/test\nstage/uat\n");
        ResourcePrinter.QualifiedName("AnalysisTemplate", "x").ShouldBe("analysistemplate/x");
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(7199, "119m")]
    [InlineData(7200, "2h")]
    [InlineData(172800, "2d")]
    [InlineData(63072000, "2y")]
    public void Ages_are_short(int seconds, string expected) => Age.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
