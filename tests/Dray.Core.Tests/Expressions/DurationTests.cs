using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary><c>duration()</c>, its methods, printing and marshalling, and arithmetic between durations.</summary>
public sealed class DurationTests
{
    [Theory]
    [InlineData("duration(\"1h30m\").Minutes()", "float:90")]
    [InlineData("duration(\"90m\").Hours()", "float:1.5")]
    [InlineData("duration(\"1.5s\").Seconds()", "float:1.5")]
    [InlineData("duration(\"2s\").Milliseconds()", "int:2000")]
    [InlineData("duration(\"3us\").Nanoseconds()", "int:3000")]
    [InlineData("duration(\"-5m\").Abs().Minutes()", "float:5")]
    [InlineData("duration(\"24h\").String()", "\"24h0m0s\"")]
    [InlineData("duration(\"1h0.5s\").String()", "\"1h0m0.5s\"")]
    [InlineData("duration(\"1500ms\").String()", "\"1.5s\"")]
    [InlineData("duration(\"100ms\").String()", "\"100ms\"")]
    [InlineData("duration(\"-90s\").String()", "\"-1m30s\"")]
    [InlineData("duration(\"0\").String()", "\"0s\"")]
    [InlineData("duration(\"2562047h\").Hours()", "float:2562047")]
    [InlineData("string(duration(\"2m\"))", "\"2m0s\"")]
    [InlineData("toJSON(duration(\"1s\"))", "\"1000000000\"")]
    [InlineData("type(duration(\"1s\"))", "\"time.Duration\"")]
    public void Methods_print_and_marshal_like_go(string expression, string expected) =>
        Expr.Typed(expression).ShouldBe(expected);

    [Theory]
    [InlineData("duration(\"1h\") + duration(\"30m\")", "1h30m0s")]
    [InlineData("duration(\"1h\") - duration(\"90m\")", "-30m0s")]
    [InlineData("duration(\"90s\") * 2", "3m0s")]
    [InlineData("3 * duration(\"1m\")", "3m0s")]
    [InlineData("duration(\"1h\") * 0.5", "30m0s")]
    [InlineData("-duration(\"168h\")", "-168h0m0s")]
    [InlineData("+duration(\"1s\")", "1s")]
    public void Durations_add_subtract_scale_and_negate(string expression, string expected) =>
        Expr.Eval($"string({expression})").ShouldBe(expected);

    [Theory]
    [InlineData("duration(\"90m\") > duration(\"1h\")", true)]
    [InlineData("duration(\"60m\") == duration(\"1h\")", true)]
    [InlineData("duration(\"60m\") != duration(\"1h\")", false)]
    [InlineData("duration(\"1s\") <= duration(\"999ms\")", false)]
    [InlineData("duration(\"-1s\") < duration(\"0s\")", true)]
    public void Durations_compare(string expression, bool expected) =>
        Expr.Eval(expression).ShouldBe(expected);

    [Theory]
    [InlineData("duration(\"1 day\")", "invalid duration \"1 day\"")]
    [InlineData("duration(\"5d\")", "invalid duration \"5d\"")]
    [InlineData("duration(\"\")", "invalid duration \"\"")]
    [InlineData("duration(\"9999999h\")", "invalid duration \"9999999h\" (out of range")]
    [InlineData("duration(5)", "invalid argument for duration (type int, expected string)")]
    [InlineData("duration()", "invalid number of arguments for duration (expected 1, got 0)")]
    [InlineData("duration(\"1h\") + 1", "invalid operation: + (mismatched types time.Duration and int)")]
    [InlineData("duration(\"1h\") > 1", "invalid operation: > (mismatched types time.Duration and int)")]
    [InlineData("duration(\"1h\") * \"2\"", "invalid operation: * (mismatched types time.Duration and string)")]
    [InlineData("duration(\"1h\").Days()", "Days")]
    public void Bad_durations_and_operands_are_clear_errors(string expression, string message) =>
        Expr.Fails(expression).Message.ShouldContain(message);

    [Fact]
    public void A_bad_duration_error_shows_the_accepted_syntax()
    {
        var error = Expr.Fails("duration(\"2 weeks\")");
        error.Message.ShouldContain("invalid duration \"2 weeks\"");
        error.Message.ShouldContain("\"1h30m\"");
        error.Column.ShouldBe(1);
    }
}
