using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>Operators, precedence and the int/float rules of expr-lang's "Language Definition" § Operators.</summary>
public sealed class OperatorTests
{
    private static readonly ExpressionEnvironment Env = ExpressionEnvironment.Empty
        .WithVariable("user", new Dictionary<string, object?> { ["Name"] = "John Smith", ["Age"] = 30, ["Tags"] = new[] { "a", "b" } })
        .WithVariable("missing", null)
        .WithVariable("array", new[] { 1, 2, 3, 4, 5 });

    [Theory]
    // Arithmetic: int op int stays int, except / (always float) and ** / ^ (always float)
    [InlineData("1 + 2", "int:3")]
    [InlineData("1 + 2.0", "float:3")]
    [InlineData("7 - 10", "int:-3")]
    [InlineData("6 * 7", "int:42")]
    [InlineData("6 * 0.5", "float:3")]
    [InlineData("7 / 2", "float:3.5")]
    [InlineData("6 / 2", "float:3")]
    [InlineData("1 / 0", "float:+Inf")]
    [InlineData("7 % 3", "int:1")]
    [InlineData("-7 % 3", "int:-1")]
    [InlineData("2 ** 10", "float:1024")]
    [InlineData("2 ^ 3", "float:8")]
    [InlineData("2 ** 3 ** 2", "float:512")]
    [InlineData("-2 ** 2", "float:-4")]
    [InlineData("1 + 2 * 3", "int:7")]
    [InlineData("(1 + 2) * 3", "int:9")]
    [InlineData("10 - 2 - 3", "int:5")]
    [InlineData("-(3)", "int:-3")]
    [InlineData("+3.5", "float:3.5")]
    [InlineData("9223372036854775807 + 1", "int:-9223372036854775808")]
    // Strings
    [InlineData("\"foo\" + \"bar\"", "\"foobar\"")]
    [InlineData("\"abc\"[1]", "\"b\"")]
    [InlineData("\"abcdef\"[1:3]", "\"bc\"")]
    [InlineData("\"abc\"[-1]", "\"c\"")]
    // Comparison, including chained comparisons (1 < 2 < 3 means 1 < 2 && 2 < 3)
    [InlineData("1 == 1.0", "true")]
    [InlineData("1 != 2", "true")]
    [InlineData("\"a\" < \"b\"", "true")]
    [InlineData("2 >= 2.0", "true")]
    [InlineData("1 < 2 < 3", "true")]
    [InlineData("1 < 3 < 2", "false")]
    [InlineData("[1, [2]] == [1, [2]]", "true")]
    [InlineData("{a: 1} == {a: 1.0}", "true")]
    [InlineData("nil == nil", "true")]
    [InlineData("nil == false", "false")]
    // Logical, short-circuiting (the right side would fail if evaluated)
    [InlineData("true && false", "false")]
    [InlineData("true and not false", "true")]
    [InlineData("false or true", "true")]
    [InlineData("!true || true", "true")]
    [InlineData("false && (1 / \"x\" == 1)", "false")]
    [InlineData("true || missing.field", "true")]
    [InlineData("not (1 == 2)", "true")]
    [InlineData("!true == false", "true")]
    // Membership and string operators
    [InlineData("2 in [1, 2, 3]", "true")]
    [InlineData("2 not in [1, 2, 3]", "false")]
    [InlineData("\"Name\" in user", "true")]
    [InlineData("\"nope\" not in user", "true")]
    [InlineData("\"foobar\" contains \"oba\"", "true")]
    [InlineData("\"foobar\" not contains \"x\"", "true")]
    [InlineData("\"foobar\" startsWith \"foo\"", "true")]
    [InlineData("\"foobar\" endsWith \"bar\"", "true")]
    [InlineData("\"foobar\" not endsWith \"bar\"", "false")]
    [InlineData("\"v1.2.3\" matches \"^v[0-9]+\\\\.[0-9]+\\\\.[0-9]+$\"", "true")]
    [InlineData("\"1.2.3\" not matches \"^v\"", "true")]
    // Member access: . [] ?. and negative index
    [InlineData("user.Name", "\"John Smith\"")]
    [InlineData("user[\"Age\"]", "int:30")]
    [InlineData("user.Tags[-1]", "\"b\"")]
    [InlineData("user.Nope", "nil")]
    [InlineData("missing?.Name", "nil")]
    [InlineData("missing?.Name.First.Last", "nil")]
    [InlineData("missing?.[0]", "nil")]
    [InlineData("user?.Name", "\"John Smith\"")]
    [InlineData("$env.user.Name", "\"John Smith\"")]
    [InlineData("\"array\" in $env", "true")]
    [InlineData("undefinedVariable", "nil")]
    // Conditional
    [InlineData("1 > 2 ? \"yes\" : \"no\"", "\"no\"")]
    [InlineData("true ? false ? 1 : 2 : 3", "int:2")]
    [InlineData("false ? 1 : true ? 2 : 3", "int:2")]
    [InlineData("nil ?: \"default\"", "\"default\"")]
    [InlineData("\"set\" ?: \"default\"", "\"set\"")]
    [InlineData("missing ?? \"Anonymous\"", "\"Anonymous\"")]
    [InlineData("missing?.Name ?? \"Anonymous\"", "\"Anonymous\"")]
    [InlineData("user.Name ?? \"Anonymous\"", "\"John Smith\"")]
    [InlineData("false ?? true", "false")]
    [InlineData("nil ?? nil ?? 3", "int:3")]
    // Ranges and slices
    [InlineData("1..1", "[int:1]")]
    [InlineData("3..1", "[]")]
    [InlineData("array[1:4]", "[int:2, int:3, int:4]")]
    [InlineData("array[-2:]", "[int:4, int:5]")]
    [InlineData("array[10:20]", "[]")]
    [InlineData("array[4:2]", "[]")]
    // Pipes: x | f(y) is f(x, y), including predicate builtins
    [InlineData("\"a,b\" | split(\",\") | join(\"-\")", "\"a-b\"")]
    [InlineData("1..5 | filter(# > 2) | map(# * 10)", "[int:30, int:40, int:50]")]
    [InlineData("[3, 1, 2] | sort() | first()", "int:1")]
    [InlineData("\"x\" | upper() + \"y\"", "\"Xy\"")]
    // the cases of expr-lang's test/pipes/pipes_test.go
    [InlineData("-1 | abs()", "int:1")]
    [InlineData("[] | first() ?? \"foo\"", "\"foo\"")]
    [InlineData("\"a\" | upper() + \"B\" | lower()", "\"ab\"")]
    [InlineData("1..9 | map(# + 1) | filter(# % 2 == 0)", "[int:2, int:4, int:6, int:8, int:10]")]
    // Literals: maps with computed and quoted keys, trailing commas, nesting
    [InlineData("{(\"a\" + \"b\"): 1, \"c d\": 2, 3: 4}", "{ab: int:1, c d: int:2, 3: int:4}")]
    [InlineData("[1, 2,]", "[int:1, int:2]")]
    [InlineData("{a: [1, {b: nil}],}.a[1].b", "nil")]
    // Let and sequences
    [InlineData("let a = 1; let b = a + 1; [a, b]", "[int:1, int:2]")]
    [InlineData("(1; 2; 3)", "int:3")]
    public void Operator_evaluates_as_in_expr_lang(string expression, string expected) =>
        Expr.Typed(expression, Env).ShouldBe(expected);

    [Theory]
    [InlineData("1 + \"a\"", "invalid operation: + (mismatched types int and string)")]
    [InlineData("[1] + [2]", "invalid operation: + (mismatched types array and array)")]
    [InlineData("1.5 % 2", "invalid operation: % (mismatched types float and int)")]
    [InlineData("5 % 0", "integer divide by zero")]
    [InlineData("\"a\" < 1", "invalid operation: < (mismatched types string and int)")]
    [InlineData("1 && true", "left operand of && must be bool, got int")]
    [InlineData("not \"x\"", "operand of not must be bool, got string")]
    [InlineData("not 1 == 2", "operand of not must be bool, got int")]
    [InlineData("1 ? 2 : 3", "condition of ?: must be bool, got int")]
    [InlineData("missing.Name", "cannot fetch Name from nil")]
    [InlineData("[1, 2][5]", "index out of range: 5 (array length is 2)")]
    [InlineData("[1, 2][-3]", "index out of range: -3 (array length is 2)")]
    [InlineData("1.5..3", "invalid operation: .. (mismatched types float and int)")]
    [InlineData("\"a\" matches \"(\"", "invalid regular expression")]
    [InlineData("nope(1)", "unknown func nope")]
    [InlineData("user.Name.Length()", "cannot fetch Length from string")]
    [InlineData("# > 1", "unexpected token '#'")]
    public void Operator_type_errors_are_expression_errors(string expression, string reason) =>
        Expr.Fails(expression, Env).Reason.ShouldStartWith(reason);

    [Fact]
    public void Coalesce_cannot_be_mixed_with_other_operators_without_parentheses()
    {
        Expr.Fails("missing ?? 1 + 2", Env).Reason.ShouldContain("cannot be mixed");
        Expr.Typed("(missing ?? 1) + 2", Env).ShouldBe("int:3");
        Expr.Typed("1 + missing ?? 2", Env).ShouldBe("int:3");
    }

    [Fact]
    public void Regex_matching_is_linear_time_like_RE2()
    {
        var env = ExpressionEnvironment.Empty
            .WithLimits(ExpressionLimits.Default with { RegexTimeout = TimeSpan.FromSeconds(5) })
            .WithVariable("s", new string('a', 20_000) + "!");

        // A backtracking engine would hit the regex timeout (an error, not "false"); a linear one answers in
        // milliseconds, so the 5 s limit is far from normal and no clock is read here.
        Expr.Typed("s matches \"^(a+)+$\"", env).ShouldBe("false");
    }

    [Theory]
    [InlineData("\"aa\" matches \"(a)\\\\1\"")]
    [InlineData("\"ab\" matches \"a(?=b)\"")]
    public void Regex_features_RE2_lacks_are_rejected(string expression) =>
        Expr.Fails(expression).Reason.ShouldStartWith("invalid regular expression");
}
