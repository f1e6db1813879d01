using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>Numbers and strings render as Go renders them, since Kargo's outputs come from Go's fmt and encoding/json.</summary>
public sealed class GoFormatTests
{
    [Theory]
    // fmt.Sprint(float64): %g with the shortest digits, exponent form when the exponent is < -4 or >= 6
    [InlineData("string(0.1)", "\"0.1\"")]
    [InlineData("string(100000.0)", "\"100000\"")]
    [InlineData("string(1234567.0)", "\"1.234567e+06\"")]
    [InlineData("string(0.0001)", "\"0.0001\"")]
    [InlineData("string(0.00001)", "\"1e-05\"")]
    [InlineData("string(-2.5)", "\"-2.5\"")]
    [InlineData("string(1 / 0)", "\"+Inf\"")]
    [InlineData("string(9007199254740993)", "\"9007199254740993\"")]
    // encoding/json float64: fixed notation unless < 1e-6 or >= 1e21
    [InlineData("toJSON(1234567.0)", "\"1234567\"")]
    [InlineData("toJSON(1e21)", "\"1e+21\"")]
    [InlineData("toJSON(1e20)", "\"100000000000000000000\"")]
    [InlineData("toJSON(0.000001)", "\"0.000001\"")]
    [InlineData("toJSON(0.0000001)", "\"1e-7\"")]
    [InlineData("toJSON(3.0)", "\"3\"")]
    [InlineData("toJSON(\"a\\u2028b & <c>\")", "\"\"a\\u2028b \\u0026 \\u003cc\\u003e\"\"")]
    [InlineData("toJSON(\"tab\\tnew\\nline\\u0001\")", "\"\"tab\\tnew\\nline\\u0001\"\"")]
    public void Value_renders_as_Go_renders_it(string expression, string expected) =>
        Expr.Typed(expression).ShouldBe(expected);

    [Theory]
    // Go's strconv.Quote, which Kargo's quote() uses for strings
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line\nfeed\ttab\u0007bell", "\"line\\nfeed\\ttab\\abell\"")]
    [InlineData("\u0001\u007f", "\"\\x01\\x7f\"")]
    [InlineData("héllo ☺", "\"héllo ☺\"")]
    [InlineData("nbsp\u00a0zwsp\u200b", "\"nbsp\\u00a0zwsp\\u200b\"")]
    public void Quote_is_Go_strconv_Quote(string input, string expected)
    {
        var env = ExpressionEnvironment.Empty.WithVariable("s", input);
        var result = ExpressionTemplate.EvaluateString("${{ unsafeQuote(quote(s)) }}", env);
        // unsafeQuote(quote(s)) keeps quote's output intact through the template re-typing.
        System.Text.Json.JsonSerializer.Deserialize<string>(result!.GetValue<string>()).ShouldBe(expected);
    }
}
