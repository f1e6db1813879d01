using System.Text.Json.Nodes;
using Dray.Sources.Metrics;

namespace Dray.Sources.Tests.Metrics;

public sealed class JsonPathSelectorTests
{
    private const string Document = """
        {"data":{"ok":true,"rate":0.97,"name":"api","tags":["a","b","c"],"weird-key":{"v":1}},
         "items":[{"v":1},{"v":2},{"v":3}]}
        """;

    [Theory]
    [InlineData("{$.data.ok}", "true")]
    [InlineData("$.data.rate", "0.97")]
    [InlineData("{.data.name}", "\"api\"")]
    [InlineData("{$.data.tags[1]}", "\"b\"")]
    [InlineData("{$.data.tags[-1]}", "\"c\"")]
    [InlineData("{$.items[0].v}", "1")]
    [InlineData("{$.items[*].v}", "[1,2,3]")]
    [InlineData("{$.data['weird-key'].v}", "1")]
    [InlineData("{$[\"data\"].ok}", "true")]
    [InlineData("{$}", null)]
    public void Selects_values(string path, string? expected)
    {
        JsonPathSelector.TrySelect(JsonNode.Parse(Document), path, out var result, out var error).ShouldBeTrue(error);

        if (expected is null)
        {
            result!.ToJsonString().ShouldBe(JsonNode.Parse(Document)!.ToJsonString());
        }
        else
        {
            result!.ToJsonString().ShouldBe(expected);
        }
    }

    [Theory]
    [InlineData("{$.data.missing}", "{$.data.missing}: .missing is not found")]
    [InlineData("{$.items[7]}", "{$.items[7]}: [7] is not found")]
    [InlineData("{$.data..ok}", "invalid JSONPath \"{$.data..ok}\": empty field name")]
    [InlineData("{$.items[?(@.v>1)]}", "invalid JSONPath \"{$.items[?(@.v>1)]}\": unsupported subscript [?(@.v>1)]")]
    [InlineData("{$.items[0}", "invalid JSONPath \"{$.items[0}\": unclosed [")]
    public void Reports_bad_or_missing_paths(string path, string expected)
    {
        JsonPathSelector.TrySelect(JsonNode.Parse(Document), path, out _, out var error).ShouldBeFalse();

        error.ShouldBe(expected);
    }
}
