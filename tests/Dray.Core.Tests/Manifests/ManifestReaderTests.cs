using System.Text.Json.Nodes;
using Dray.Core.Manifests;

namespace Dray.Core.Tests.Manifests;

public sealed class ManifestReaderTests
{
    private static IReadOnlyList<ManifestDocument> Read(string text, out ManifestDiagnostics diagnostics)
    {
        diagnostics = new ManifestDiagnostics();
        return ManifestReader.Read(new ManifestSource("f", text), diagnostics);
    }

    [Theory]
    [InlineData("v: true", "true")]
    [InlineData("v: \"true\"", "\"true\"")]
    [InlineData("v: 'yes'", "\"yes\"")]
    [InlineData("v: yes", "true")]
    [InlineData("v: off", "false")]
    [InlineData("v: False", "false")]
    [InlineData("v: 42", "42")]
    [InlineData("v: -7", "-7")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 0o17", "15")]
    [InlineData("v: 1.5", "1.5")]
    [InlineData("v: 1e3", "1000")]
    [InlineData("v: \"42\"", "\"42\"")]
    [InlineData("v: !!str 42", "\"42\"")]
    [InlineData("v: ~", "null")]
    [InlineData("v: null", "null")]
    [InlineData("v:", "null")]
    [InlineData("v: 1.24.0", "\"1.24.0\"")]
    [InlineData("v: ^1.24.0", "\"^1.24.0\"")]
    [InlineData("v: 5m0s", "\"5m0s\"")]
    [InlineData("v: ${{ vars.x }}", "\"${{ vars.x }}\"")]
    public void Scalars_are_typed_the_way_Kubernetes_types_them(string yaml, string json)
    {
        var document = Read(yaml, out _).ShouldHaveSingleItem();

        (document.Json["v"]?.ToJsonString() ?? "null").ShouldBe(json);
    }

    [Fact]
    public void Multi_document_yaml_keeps_line_and_column_of_every_field()
    {
        var documents = Read("a: 1\n---\n\n---\nkind: X\nspec:\n  list:\n  - name: one\n  -   name: two\n", out var diagnostics);

        diagnostics.HasErrors.ShouldBeFalse();
        documents.Count.ShouldBe(2);
        documents[1].Map.Find("kind").ShouldBe((5, 1));
        documents[1].Map.Find("spec.list[0].name").ShouldBe((8, 5));
        documents[1].Map.Find("spec.list[1].name").ShouldBe((9, 7));
        documents[1].Map.Find("spec.list[1].missing").ShouldBe((9, 7));
    }

    [Fact]
    public void Json_object_array_and_List_are_accepted_with_positions()
    {
        var obj = Read("{\"kind\": \"A\",\n \"metadata\": {\"name\": \"x\"}}", out _);
        var array = Read("[{\"kind\": \"A\"},\n {\"kind\": \"B\"}]", out _);
        var list = Read("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n  {\"kind\": \"A\"},\n  {\"kind\": \"B\", \"spec\": {\"n\": 1}}]}", out var diagnostics);

        diagnostics.HasErrors.ShouldBeFalse();
        obj.ShouldHaveSingleItem().Map.Find("metadata.name").ShouldBe((2, 15));
        array.Select(d => d.Kind).ShouldBe(["A", "B"]);
        array[1].Map.Find("kind").ShouldBe((2, 3));
        list.Select(d => d.Kind).ShouldBe(["A", "B"]);
        list[1].Map.Find("spec.n").ShouldBe((3, 26));
        ((int?)list[1].Json["spec"]!["n"]).ShouldBe(1);
    }

    [Fact]
    public void Keys_with_dots_and_slashes_get_quoted_path_segments()
    {
        var document = Read("metadata:\n  labels:\n    kargo.akuity.io/project: \"true\"\n", out _).ShouldHaveSingleItem();

        document.Map.Find("metadata.labels['kargo.akuity.io/project']").ShouldBe((3, 5));
        document.Json["metadata"]!["labels"]!["kargo.akuity.io/project"]!.GetValue<string>().ShouldBe("true");
    }

    [Fact]
    public void Duplicate_keys_and_syntax_errors_are_reported_with_positions()
    {
        Read("a: 1\na: 2\n", out var duplicates);
        Read("a: [1\n", out var syntax);

        duplicates.Errors.ShouldHaveSingleItem().ShouldBe(new ManifestError("f", 2, 1, "", "invalid YAML: Duplicate key a"));
        var error = syntax.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(2);
        error.Message.ShouldStartWith("invalid YAML: ");
    }

    [Fact]
    public void A_scalar_document_is_not_a_resource()
    {
        Read("just text\n", out var diagnostics);

        diagnostics.Errors.ShouldHaveSingleItem().Message.ShouldContain("expected a resource");
    }

    [Fact]
    public void Remapped_paths_point_at_the_legacy_field()
    {
        var map = new SourceMap();
        map.Add("spec.old", 7, 3);
        map.Add("spec", 6, 1);
        map.Remap("spec.new", "spec.old");

        map.Find("spec.new").ShouldBe((7, 3));
        map.Find("spec.new[2].deeper").ShouldBe((7, 3));
        map.Find("spec.other").ShouldBe((6, 1));
        new JsonObject().ShouldNotBeNull();
    }

    [Fact]
    public void Alias_bombs_are_cut_off_with_an_error()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 0; i < 8; i++)
        {
            var previous = (char)('a' + i);
            var next = (char)('b' + i);
            yaml += $"{next}: &{next} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }

        Read(yaml, out var diagnostics);

        diagnostics.Errors.ShouldHaveSingleItem().Message.ShouldContain("expands to more than 200000 values");
    }

    [Fact]
    public void Aliases_within_the_limit_are_expanded()
    {
        var document = Read("base: &b {x: 1}\ncopy: *b\n", out var diagnostics).ShouldHaveSingleItem();

        diagnostics.HasErrors.ShouldBeFalse();
        document.Json["copy"]!.ToJsonString().ShouldBe("{\"x\":1}");
    }
}
