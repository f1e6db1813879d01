using System.Diagnostics;
using CsCheck;
using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>
/// Random inputs never crash or hang the lexer, parser or evaluator (only <see cref="ExpressionException"/>),
/// and printing a parsed tree then parsing it again gives the same tree.
/// </summary>
public sealed class ExpressionPropertyTests
{
    private static readonly ExpressionEnvironment Env = ExpressionEnvironment.Empty
        .WithLimits(ExpressionLimits.Default with { MaxSteps = 20_000, RegexTimeout = TimeSpan.FromMilliseconds(50) })
        .WithVariable("a", 7)
        .WithVariable("f", 2.5)
        .WithVariable("s", "hello, world")
        .WithVariable("xs", new object?[] { 1, 2.5, "x", null, true })
        .WithVariable("m", new Dictionary<string, object?> { ["k"] = "v", ["n"] = 3, ["inner"] = new Dictionary<string, object?> { ["deep"] = 1 } })
        .WithVariable("n", null);

    private static readonly string[] Vocabulary =
    [
        "a", "f", "s", "xs", "m", "n", "k", "#", "#index", "#acc", ".", "?.", "..", "(", ")", "[", "]", "{", "}", ",", ":", ";",
        "+", "-", "*", "/", "%", "**", "^", "==", "!=", "<", ">", "<=", ">=", "!", "&&", "||", "??", "?", "|", "=",
        "and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith", "let",
        "0", "1", "42", "-1", "2.5", ".5", "1e3", "0x1F", "\"str\"", "'q'", "`raw`", "\"\\n\"", "true", "false", "nil",
        "len", "map", "filter", "all", "any", "none", "one", "count", "sum", "find", "findIndex", "reduce", "sortBy", "groupBy",
        "upper", "split", "join", "repeat", "toJSON", "fromJSON", "max", "min", "sort", "uniq", "flatten", "keys", "string", "int",
    ];

    private static readonly Gen<string> TokenSequences =
        Gen.OneOfConst(Vocabulary).Array[1, 14].Select(tokens => string.Join(" ", tokens));

    private static readonly Gen<string> RandomText = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["abcxs#.?()[]{}+-*/%^=!<>&|,:;'\"`\\ 0123456789_en"], 0, 40]);

    [Fact]
    public void Random_text_only_ever_fails_with_an_expression_exception() =>
        RandomText.Sample(ParseAndEvaluateWithinBounds, iter: 3000);

    [Fact]
    public void Random_token_sequences_only_ever_fail_with_an_expression_exception() =>
        TokenSequences.Sample(ParseAndEvaluateWithinBounds, iter: 5000);

    [Fact]
    public void Generated_expressions_only_ever_fail_with_an_expression_exception() =>
        ValidExpressions.Sample(ParseAndEvaluateWithinBounds, iter: 3000);

    [Fact]
    public void Printing_a_parsed_tree_and_parsing_it_again_gives_the_same_tree()
    {
        var parsedAtLeastOnce = 0;
        Gen.OneOf(ValidExpressions, TokenSequences).Sample(text =>
        {
            CompiledExpression parsed;
            try
            {
                parsed = CompiledExpression.Parse(text);
            }
            catch (ExpressionException)
            {
                return;
            }

            Interlocked.Increment(ref parsedAtLeastOnce);
            var printed = parsed.ToCanonicalString();
            var reparsed = CompiledExpression.Parse(printed);
            reparsed.DumpTree().ShouldBe(parsed.DumpTree(), $"{text}  =>  {printed}");
        }, iter: 5000);
        parsedAtLeastOnce.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Random_templates_only_ever_fail_with_an_expression_exception()
    {
        var pieces = Gen.OneOf(
            Gen.OneOfConst("${{", "}}", "${%", "%}", "\n", "\"", "{", "}", "[", "]", "0", "1.5", "true", "null", "inf", "x", " "),
            TokenSequences.Select(t => "${{ " + t + " }}"),
            RandomText);
        pieces.Array[0, 6].Select(p => string.Concat(p)).Sample(template =>
        {
            try
            {
                ExpressionTemplate.EvaluateString(template, Env);
            }
            catch (ExpressionException)
            {
                // The only acceptable failure.
            }
        }, iter: 3000);
    }

    [Theory]
    [InlineData("1..1000000 | map(1..1000000 | map(# * 2))")]
    [InlineData("reduce(1..100000000, #acc + #)")]
    [InlineData("len(repeat(repeat(\"x\", 100000), 100000))")]
    [InlineData("map(1..1000, map(1..1000, map(1..1000, #)))")]
    [InlineData("filter(1..1000000, # % 2 == 0) | sortBy(-#) | uniq()")]
    public void Runaway_evaluation_stops_at_the_step_budget(string expression)
    {
        // The reason proves the step budget stopped it; a wall-clock bound here would only add flakiness.
        Expr.Fails(expression).Reason.ShouldStartWith("evaluation exceeded the budget");
    }

    [Theory]
    [InlineData("(", ")", 20_000)]
    [InlineData("[", "]", 20_000)]
    [InlineData("-", "", 50_000)]
    [InlineData("!", "", 50_000)]
    [InlineData("len(", ")", 10_000)]
    [InlineData("map([1], ", ")", 3_000)]
    [InlineData("{a: ", "}", 7_000)]
    [InlineData("a ? ", " : 1", 5_000)]
    public void Deep_nesting_is_rejected_without_overflowing_the_stack(string open, string close, int depth)
    {
        var text = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        Expr.Fails(text).Reason.ShouldContain("nested deeper than");
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(".a")]
    [InlineData(" | upper()")]
    [InlineData(" ** 2")]
    [InlineData("[0]")]
    public void Long_operator_chains_are_rejected_without_overflowing_the_stack(string link)
    {
        var text = "1" + string.Concat(Enumerable.Repeat(link, 60_000 / link.Length));
        Expr.Fails(text).Reason.ShouldContain("nested deeper than");
    }

    [Fact]
    public void Moderate_chains_within_the_limits_evaluate()
    {
        Expr.Fails("reduce(1..5000, [#acc], 0) == reduce(1..5000, [#acc], 0)").Reason.ShouldBe("values are nested too deeply to compare");
        Expr.Fails("toJSON(reduce(1..5000, [#acc], 0))").Reason.ShouldBe("json: value is nested too deeply");
        Expr.Typed("1" + string.Concat(Enumerable.Repeat(" + 1", 200))).ShouldBe("int:201");
        Expr.Typed(new string('(', 100) + "1" + new string(')', 100)).ShouldBe("int:1");
    }

    private static void ParseAndEvaluateWithinBounds(string text)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            CompiledExpression.Parse(text).Evaluate(Env);
        }
        catch (ExpressionException)
        {
            // The only acceptable failure.
        }

        // Only a guard against a hang (normal is well under a millisecond); the step budget and the regex timeout
        // are what bound the work, so the limit is generous enough for a loaded machine.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), text);
    }

    private static Gen<string> ValidExpressions { get; } = Expression(4);

    private static Gen<string> Expression(int depth)
    {
        var atom = Gen.OneOf(
            Gen.OneOfConst("a", "f", "s", "xs", "m", "n", "m.k", "m?.inner?.deep", "xs[0]", "xs[-1]", "xs[1:3]", "s[:5]"),
            Gen.Int[-1000, 1000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double[-100, 100].Select(d => d.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture)),
            Gen.String[Gen.Char["abc xyz\"\\\n"], 0, 6].Select(Quote),
            Gen.OneOfConst("true", "false", "nil"));
        if (depth == 0)
        {
            return atom;
        }

        var sub = Expression(depth - 1);
        var binary = Gen.Select(sub, Gen.OneOfConst("+", "-", "*", "/", "%", "**", "==", "!=", "<", ">=", "and", "or", "??", "in", "not in",
            "contains", "startsWith", "..", "matches"), sub, (l, op, r) => $"{l} {op} {r}");
        var unary = Gen.Select(Gen.OneOfConst("-", "not ", "!"), sub, (op, e) => op + e);
        var group = sub.Select(e => $"({e})");
        var ternary = Gen.Select(sub, sub, sub, (c, t, e) => $"{c} ? {t} : {e}");
        var array = sub.Array[0, 3].Select(items => $"[{string.Join(", ", items)}]");
        var map = Gen.Select(sub, sub, (k, v) => $"{{key: {k}, \"q\": {v}}}");
        var call = Gen.Select(Gen.OneOfConst("len", "string", "upper", "toJSON", "first", "type", "abs", "int", "keys", "uniq"), sub, (f, e) => $"{f}({e})");
        var predicate = Gen.Select(Gen.OneOfConst("map", "filter", "all", "any", "count", "find", "sortBy"), sub, sub,
            (f, src, body) => $"{f}({src}, {{{body.Replace("a", "#", StringComparison.Ordinal)}}})");
        var pipe = Gen.Select(sub, Gen.OneOfConst("upper()", "len()", "string()", "split(\",\")", "map(#)"), (e, f) => $"{e} | {f}");
        var let = Gen.Select(sub, sub, (v, b) => $"let v = {v}; {b}");
        return Gen.Frequency((3, atom), (3, binary), (1, unary), (1, group), (1, ternary), (1, array), (1, map), (1, call), (1, predicate), (1, pipe), (1, let));
    }

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
