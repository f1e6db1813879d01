using System.Text.Json.Nodes;
using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>
/// Builtins and closures, over data shaped like Kargo's (JSON, so numbers are floats), following expr-lang's
/// "Language Definition" § Predicate and § Array Functions.
/// </summary>
public sealed class BuiltinTests
{
    private static readonly ExpressionEnvironment Env = ExpressionEnvironment.Empty.WithVariable("users", JsonNode.Parse("""
        [
          {"Name": "Jane", "Age": 31, "Admin": true},
          {"Name": "John", "Age": 17, "Admin": false},
          {"Name": "Anna", "Age": 31, "Admin": false}
        ]
        """));

    [Theory]
    // § Predicate: # is the element, .Field is #.Field, braces are optional
    [InlineData("filter(users, .Age > 18) | map(.Name)", "[\"Jane\", \"Anna\"]")]
    [InlineData("filter(users, {#.Age > 18}) | map({#.Name})", "[\"Jane\", \"Anna\"]")]
    [InlineData("map(users, #index)", "[int:0, int:1, int:2]")]
    [InlineData("all(users, .Age > 10)", "true")]
    [InlineData("all([], false)", "true")]
    [InlineData("any(users, .Admin)", "true")]
    [InlineData("any([], true)", "false")]
    [InlineData("none(users, .Age > 40)", "true")]
    [InlineData("one(users, .Admin)", "true")]
    [InlineData("one(users, .Age == 31)", "false")]
    [InlineData("count(users, .Age == 31)", "int:2")]
    [InlineData("find(users, .Name startsWith \"J\").Name", "\"Jane\"")]
    [InlineData("findLast(users, .Name startsWith \"J\").Name", "\"John\"")]
    [InlineData("find(users, .Age > 99)", "nil")]
    [InlineData("findIndex(users, .Age > 99)", "int:-1")]
    [InlineData("sum(users, .Age)", "float:79")]
    [InlineData("sortBy(users, .Age) | map(.Name)", "[\"John\", \"Jane\", \"Anna\"]")]
    [InlineData("sortBy(users, .Name, \"desc\") | map(.Name)", "[\"John\", \"Jane\", \"Anna\"]")]
    [InlineData("sortBy([3, 1, 2])", "[int:1, int:2, int:3]")]
    [InlineData("keys(groupBy(users, .Age))", "[\"31\", \"17\"]")]
    [InlineData("groupBy(users, .Admin)[\"true\"] | map(.Name)", "[\"Jane\"]")]
    [InlineData("reduce(users, #acc + .Age, 0)", "float:79")]
    [InlineData("reduce([\"a\", \"b\"], #acc + string(#index) + #, \"\")", "\"0a1b\"")]
    // § Predicate tip: nested predicates reach the outer element through let
    [InlineData("filter(users, {let u = #; any(users, .Age == u.Age && .Name != u.Name)}) | map(.Name)", "[\"Jane\", \"Anna\"]")]
    [InlineData("map(1..3, map(1..#, # * 10))", "[[int:10], [int:10, int:20], [int:10, int:20, int:30]]")]
    // numbers and conversions
    [InlineData("max([1, 5.5], 3)", "float:5.5")]
    [InlineData("max(1, 2, 3)", "int:3")]
    [InlineData("min(users | map(.Age))", "float:17")]
    [InlineData("abs(-2.5)", "float:2.5")]
    [InlineData("round(-2.5)", "float:-3")]
    [InlineData("int(3.9)", "int:3")]
    [InlineData("int(\"-12\")", "int:-12")]
    [InlineData("float(2)", "float:2")]
    [InlineData("string(1.5)", "\"1.5\"")]
    [InlineData("string(1000000.0)", "\"1e+06\"")]
    [InlineData("string([1, \"a\", nil])", "\"[1 a <nil>]\"")]
    [InlineData("string({b: 1, a: true})", "\"map[a:true b:1]\"")]
    [InlineData("type([1])", "\"array\"")]
    [InlineData("type({})", "\"map\"")]
    [InlineData("type(nil)", "\"nil\"")]
    [InlineData("type(1.0)", "\"float\"")]
    // JSON
    [InlineData("toJSON({b: [1, 2.5], a: \"<x>\"})", "\"{\n  \"a\": \"\\u003cx\\u003e\",\n  \"b\": [\n    1,\n    2.5\n  ]\n}\"")]
    [InlineData("toJSON([])", "\"[]\"")]
    [InlineData("fromJSON(\"{\\\"a\\\": [1, true, null]}\")", "{a: [float:1, true, nil]}")]
    [InlineData("fromJSON(toJSON(users))[2].Name", "\"Anna\"")]
    // strings
    [InlineData("split(\"a,b,c\", \",\", -1)", "[\"a\", \"b\", \"c\"]")]
    [InlineData("split(\"a,b,c\", \",\", 0)", "[]")]
    [InlineData("split(\"abc\", \"\")", "[\"a\", \"b\", \"c\"]")]
    [InlineData("split(\"\", \",\")", "[\"\"]")]
    [InlineData("replace(\"ab\", \"\", \"-\")", "\"-a-b-\"")]
    [InlineData("trim(\"\\t x \\n\")", "\"x\"")]
    [InlineData("len(\"héllo\")", "int:5")]
    [InlineData("repeat(\"ab\", 0)", "\"\"")]
    [InlineData("get(users, -1).Name", "\"Anna\"")]
    [InlineData("get({a: 1}, \"b\")", "nil")]
    [InlineData("take(1..10, 3)", "[int:1, int:2, int:3]")]
    [InlineData("first([])", "nil")]
    [InlineData("uniq([\"a\", \"b\", \"a\", 1, 1.0])", "[\"a\", \"b\", int:1]")]
    [InlineData("flatten([[1, [2, [3]]], []])", "[int:1, int:2, int:3]")]
    public void Builtin_evaluates_as_documented(string expression, string expected) =>
        Expr.Typed(expression, Env).ShouldBe(expected);

    [Theory]
    [InlineData("filter(users, .Age)", "predicate of filter must be bool, got float")]
    [InlineData("map(42, #)", "map: cannot iterate over int")]
    [InlineData("len(42)", "invalid argument for len (type int, expected array, map or string)")]
    [InlineData("upper(1)", "invalid argument for upper (type int, expected string)")]
    [InlineData("trim()", "invalid number of arguments for trim (expected 1 to 2, got 0)")]
    [InlineData("int(\"x\")", "int: cannot parse \"x\" as an integer")]
    [InlineData("fromJSON(\"{\")", "fromJSON: invalid JSON")]
    [InlineData("fromBase64(\"***\")", "fromBase64: illegal base64 data")]
    [InlineData("fromJSON('{\"a\": 1, \"a\": 2}')", "fromJSON: invalid JSON")]
    [InlineData("repeat(\"ab\", 9223372036854775807)", "evaluation exceeded the budget")]
    [InlineData("len(-9223372036854775807..9223372036854775807)", "evaluation exceeded the budget")]
    [InlineData("sort([1, \"a\"])", "sort: items must be all numbers or all strings")]
    [InlineData("sort([1], \"up\")", "sort: unknown order up")]
    [InlineData("reduce([], #acc)", "reduce of empty array with no initial value")]
    [InlineData("max()", "not enough arguments to call max")]
    [InlineData("repeat(\"a\", -1)", "negative repeat count")]
    [InlineData("toJSON(1 / 0)", "json: unsupported value: +Inf")]
    [InlineData("#index", "unexpected token '#'")]
    [InlineData("filter(users)", "expected at least 2 arguments")]
    [InlineData("filter(users, .Admin, 3)", "too many arguments, expected at most 2")]
    [InlineData("filter(users, .Admin; true)", "wrap predicate with brackets { and }")]
    public void Builtin_misuse_is_an_expression_error(string expression, string reason) =>
        Expr.Fails(expression, Env).Reason.ShouldStartWith(reason);

    [Fact]
    public void Now_reads_the_injected_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 3, 9, 10, 30, 0, TimeSpan.Zero));
        var env = ExpressionEnvironment.Empty.WithTimeProvider(clock);
        Expr.Typed("[now().Year(), now().Month(), now().Day(), now().Hour()]", env).ShouldBe("[int:2024, int:3, int:9, int:10]");
        Expr.Typed("toJSON(now())", env).ShouldBe("\"\"2024-03-09T10:30:00Z\"\"");
        clock.Advance(TimeSpan.FromDays(1));
        Expr.Typed("now().Day()", env).ShouldBe("int:10");
    }
}
