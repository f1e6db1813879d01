using System.Text.Json.Nodes;
using CsCheck;
using Dray.Steps.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dray.Steps.Tests.Yaml;

public sealed class YamlScalarTextTests
{
    private static readonly Gen<string> Strings = Gen.OneOf(
        Gen.String[Gen.Char["abc:# -'\"\\\n\t{}[],.01eE+*&!|>%@`~"], 0, 12],
        Gen.OneOfConst("true", "no", "null", "~", "1.0", "0x1F", ".inf", "1e3", "{\"a\":1}", "[1]", "-", "- a", "a: b", "a #b", ""));

    private static readonly YamlDotNet.Serialization.IDeserializer Typed = new YamlDotNet.Serialization.DeserializerBuilder()
        .WithAttemptingUnquotedStringTypeDeserialization()
        .Build();

    [Theory]
    [InlineData(ScalarStyle.Plain)]
    [InlineData(ScalarStyle.SingleQuoted)]
    [InlineData(ScalarStyle.DoubleQuoted)]
    public void Rendered_strings_read_back_as_the_same_string(ScalarStyle style)
    {
        Strings.Sample(text =>
        {
            var rendered = YamlScalarText.Render(JsonValue.Create(text), style);
            var stream = new YamlStream();
            stream.Load(new StringReader("key: " + rendered + "\n"));
            var node = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("key")];
            node.Value.ShouldBe(text);
            // A reader that types plain scalars must still see a string.
            var typed = Typed.Deserialize<Dictionary<string, object?>>("key: " + rendered + "\n");
            typed["key"].ShouldBe(text);
        });
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("42", "\"42\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("{\"a\":1}", "\"{\\\"a\\\":1}\"")]
    [InlineData("nginx", "nginx")]
    public void Quotes_for_commit_messages_only_what_would_be_retyped(string value, string expected)
    {
        YamlScalarText.QuoteIfNecessary(JsonValue.Create(value)).ShouldBe(expected);
    }
}
