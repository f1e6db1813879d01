using System.Globalization;
using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary><c>date()</c>, host times (<see cref="DateTimeOffset"/> variables) and time.Time comparison methods.</summary>
public sealed class DateTests
{
    private static ExpressionEnvironment At(string instant) =>
        ExpressionEnvironment.Empty.WithVariable("t", DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("date(\"2024-01-01\")", "\"2024-01-01T00:00:00Z\"")]
    [InlineData("date(\"2024-01-01 12:30:05\")", "\"2024-01-01T12:30:05Z\"")]
    [InlineData("date(\"2024-01-01T12:30:05Z\")", "\"2024-01-01T12:30:05Z\"")]
    [InlineData("date(\"2024-01-01T12:30:05+02:00\")", "\"2024-01-01T10:30:05Z\"")]
    [InlineData("date(\"2024-01-01T12:30:05.25-01:00\")", "\"2024-01-01T13:30:05.25Z\"")]
    public void Date_parses_the_layouts_expr_tries_without_a_layout(string expression, string json) =>
        Expr.Typed($"toJSON({expression})").ShouldBe("\"" + json + "\"");

    [Theory]
    [InlineData("date(\"yesterday\")", "invalid date yesterday")]
    [InlineData("date(\"2024-01-01T12:30:05\")", "invalid date 2024-01-01T12:30:05")]
    [InlineData("date(\"2024-13-01\")", "invalid date 2024-13-01")]
    [InlineData("date(\"01/02/2024\", \"2006-01-02\")", "date: cannot parse \"01/02/2024\" as \"2006-01-02\"")]
    [InlineData("date(\"2024-01-01\", \"2006-01-02\", \"Mars/Olympus\")", "date: unknown time zone \"Mars/Olympus\"")]
    [InlineData("date(\"1 Jan 24 10:00 MST\", \"2 Jan 06 15:04 MST\")", "layout element \"MST\" is not supported when parsing")]
    [InlineData("date(1)", "invalid argument for date (type int, expected string)")]
    public void Date_rejects_what_it_cannot_parse(string expression, string message) =>
        Expr.Fails(expression).Message.ShouldContain(message);

    [Theory]
    [InlineData("t.After(date(\"2024-01-01\"))", true)]
    [InlineData("t.Before(date(\"2024-01-01\"))", false)]
    [InlineData("t.After(date(\"2024-06-01T10:00:01Z\"))", false)]
    [InlineData("t.Equal(date(\"2024-06-01T12:00:00+02:00\"))", true)]
    [InlineData("t > date(\"2024-05-31\")", true)]
    [InlineData("t < date(\"2024-05-31\")", false)]
    [InlineData("t.Year() == 2024 && t.Month() == 6", true)]
    public void Host_times_compare_with_methods_and_operators(string expression, bool expected) =>
        Expr.Eval(expression, At("2024-06-01T10:00:00Z")).ShouldBe(expected);

    [Fact]
    public void Comparison_methods_need_a_time()
    {
        Expr.Eval("t.Compare(date(\"2025-01-01\"))", At("2024-06-01T10:00:00Z")).ShouldBe(-1L);
        Expr.Fails("t.After(\"2024-01-01\")", At("2024-06-01T10:00:00Z")).Message
            .ShouldContain("invalid argument for After (type string, expected time.Time)");
    }
}
