using System.Text.Json.Nodes;
using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>Kargo's JSON templates and the re-typing of results (kargo-features.md §4.1).</summary>
public sealed class ExpressionTemplateTests
{
    private static readonly ExpressionEnvironment Env = ExpressionEnvironment.Empty
        .WithVariable("vars", JsonNode.Parse("""{"replicas": 3, "name": "guestbook", "tags": ["a", "b"], "msg": "say \"hi\""}"""));

    [Theory]
    // no delimiters: unchanged, so "42" stays a string
    [InlineData("42", "\"42\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("{\"a\": 1}", "\"{\\\"a\\\": 1}\"")]
    // one expression: the typed result
    [InlineData("${{ 42 }}", "42")]
    [InlineData("${{ 1.5 }}", "1.5")]
    [InlineData("${{ vars.replicas }}", "3")]
    [InlineData("${{ true }}", "true")]
    [InlineData("${{ nil }}", "null")]
    [InlineData("${{ vars.name }}", "\"guestbook\"")]
    [InlineData("${{ vars.tags }}", "[\"a\",\"b\"]")]
    [InlineData("${{ {b: 1, a: [true]} }}", "{\"a\":[true],\"b\":1}")]
    // string results are typed too: number before bool, so "0" and "1" are numbers
    [InlineData("${{ '0' }}", "0")]
    [InlineData("${{ '1' }}", "1")]
    [InlineData("${{ 'T' }}", "true")]
    [InlineData("${{ 'False' }}", "false")]
    [InlineData("${{ 'yes' }}", "\"yes\"")]
    [InlineData("${{ '1e3' }}", "1000")]
    [InlineData("${{ '{\"k\": [1, 2]}' }}", "{\"k\":[1,2]}")]
    [InlineData("${{ ' {\"k\": 1}' }}", "{\"k\":1}")]
    // text around expressions is concatenated before typing
    [InlineData("v${{ vars.replicas }}", "\"v3\"")]
    [InlineData("${{ 1 }}${{ 2 }}", "12")]
    [InlineData("${{ vars.name }}-${{ vars.replicas * 2 }}", "\"guestbook-6\"")]
    [InlineData("${{ true }} and ${{ false }}", "\"true and false\"")]
    // quote(): forces a string; escapes %q added are kept
    [InlineData("${{ quote(true) }}", "\"true\"")]
    [InlineData("${{ quote(42) }}", "\"42\"")]
    [InlineData("${{ quote('42') }}", "\"42\"")]
    [InlineData("${{ quote(vars.msg) }}", "\"say \\\\\\\"hi\\\\\\\"\"")]
    [InlineData("${{ quote('tab\\there') }}", "\"tab\\\\there\"")]
    // unsafeQuote(): JSON of the value inside quotes
    [InlineData("${{ unsafeQuote('x') }}", "\"\\\"x\\\"\"")]
    [InlineData("${{ unsafeQuote(vars.tags) }}", "\"[\\\"a\\\",\\\"b\\\"]\"")]
    // one trailing newline (YAML block scalars) is stripped for typing and restored on strings
    [InlineData("${{ 42 }}\n", "42")]
    [InlineData("${{ 'text' }}\n", "\"text\\n\"")]
    [InlineData("${{ quote(42) }}\n", "\"42\\n\"")]
    // the alternative delimiters, for expressions containing }}
    [InlineData("${% '}}' %}", "\"}}\"")]
    [InlineData("${% 1 %}${{ 2 }}", "12")]
    // asJSON / asYAML
    [InlineData("${{ asJSON({b: 1}) }}", "\"{\\n  \\\"b\\\": 1\\n}\\n\"")]
    [InlineData("${{ asYAML({b: 1, a: 'x'}) }}", "\"a: x\\nb: 1\\n\"")]
    public void Template_string_is_evaluated_and_typed_as_Kargo_does(string template, string expectedJson)
    {
        var result = ExpressionTemplate.EvaluateString(template, Env);
        Expr.Json(result).ShouldBe(expectedJson);
    }

    [Fact]
    public void Only_string_values_are_evaluated_recursively_and_keys_never()
    {
        var config = JsonNode.Parse("""
            {
              "${{ vars.name }}": "${{ vars.name }}",
              "nested": {"list": ["${{ vars.replicas }}", 7, true, null, {"deep": "x-${{ vars.tags[1] }}"}]},
              "number": 5
            }
            """);
        var result = ExpressionTemplate.Evaluate(config, Env);
        Expr.Json(result).ShouldBe("""{"${{ vars.name }}":"guestbook","nested":{"list":[3,7,true,null,{"deep":"x-b"}]},"number":5}""");
        config!["nested"]!["list"]![0]!.GetValue<string>().ShouldBe("${{ vars.replicas }}");
    }

    [Theory]
    [InlineData("${{ 1 ", "unclosed expression: expected \"}}\" but reached end of template")]
    [InlineData("ok ${% 1 }}", "unclosed expression: expected \"%}\" but reached end of template")]
    [InlineData("${{ 'inf' }}", "json: unsupported value: +Inf")]
    [InlineData("${{ toJSON( }}", "unexpected end of expression")]
    public void Template_errors_are_expression_errors(string template, string reason) =>
        Should.Throw<ExpressionException>(() => ExpressionTemplate.EvaluateString(template, Env)).Reason.ShouldStartWith(reason);

    [Fact]
    public void Expression_errors_in_templates_quote_the_expression_with_its_column()
    {
        var error = Should.Throw<ExpressionException>(() => ExpressionTemplate.EvaluateString("tag: ${{ imageFrom(x)) }}", Env));
        error.Message.ShouldBe("unexpected token ')' at column 14 in \" imageFrom(x)) \"");
    }

    [Theory]
    [InlineData("quote")]
    [InlineData("asJSON")]
    [InlineData("asYAML")]
    public void Reserved_helper_names_may_not_be_in_the_environment(string name)
    {
        var env = Env.WithVariable(name, 1);
        Should.Throw<ExpressionException>(() => ExpressionTemplate.EvaluateString("${{ 1 }}", env))
            .Reason.ShouldBe($"\"{name}\" is a forbidden key in the environment map; it is reserved for internal use");
    }
}
