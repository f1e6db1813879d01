using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>Go reference-time layouts: <c>t.Format(layout)</c> and <c>date(s, layout[, timezone])</c>.</summary>
public sealed class GoLayoutTests
{
    private const string T = "date(\"2024-03-09T15:04:05.25Z\")";

    [Theory]
    [InlineData("2006-01-02", "2024-03-09")]
    [InlineData("2006-01-02T15:04:05Z07:00", "2024-03-09T15:04:05Z")]
    [InlineData("Mon Jan _2 15:04:05 2006", "Sat Mar  9 15:04:05 2024")]
    [InlineData("Monday, 02-Jan-06 03:04:05 PM", "Saturday, 09-Mar-24 03:04:05 PM")]
    [InlineData("January 2, 2006 3:4:5 pm", "March 9, 2024 3:4:5 pm")]
    [InlineData("15:04:05.000", "15:04:05.250")]
    [InlineData("15:04:05.999", "15:04:05.25")]
    [InlineData("20060102-150405", "20240309-150405")]
    [InlineData("day 002 of 2006 -0700", "day 069 of 2024 +0000")]
    [InlineData("it's 3 o'clock", "it's 3 o'clock")]
    public void Format_renders_go_layouts(string layout, string expected) =>
        Expr.Eval($"{T}.Format(\"{layout}\")").ShouldBe(expected);

    [Theory]
    [InlineData("date(\"09/03/2024\", \"02/01/2006\")", "2024-03-09T00:00:00Z")]
    [InlineData("date(\"Mar 9, 2024 at 3:04PM\", \"Jan 2, 2006 at 3:04PM\")", "2024-03-09T15:04:00Z")]
    [InlineData("date(\"2024-03-09 15:04\", \"2006-01-02 15:04\", \"Europe/Zurich\")", "2024-03-09T15:04:00+01:00")]
    [InlineData("date(\"2024-07-09 15:04\", \"2006-01-02 15:04\", \"Europe/Zurich\")", "2024-07-09T15:04:00+02:00")]
    [InlineData("date(\"2024-03-09 15:04 +05:30\", \"2006-01-02 15:04 -07:00\")", "2024-03-09T09:34:00Z")]
    [InlineData("date(\"2024-03-09T15:04:05.123Z\", \"2006-01-02T15:04:05.000Z07:00\")", "2024-03-09T15:04:05.123Z")]
    [InlineData("date(\"2024-03-09 15:04:05\", \"2006-01-02 15:04:05\", \"UTC\")", "2024-03-09T15:04:05Z")]
    public void Date_parses_with_a_layout_and_time_zone(string expression, string expected) =>
        Expr.Eval($"string({expression})").ShouldBe(expected);

    [Fact]
    public void A_zoned_time_reads_its_wall_clock_and_compares_as_an_instant()
    {
        const string Zurich = "date(\"2024-07-09 00:30\", \"2006-01-02 15:04\", \"Europe/Zurich\")";
        Expr.Typed($"[{Zurich}.Day(), {Zurich}.Hour()]").ShouldBe("[int:9, int:0]");
        Expr.Eval($"{Zurich} == date(\"2024-07-08T22:30:00Z\")").ShouldBe(true);
        Expr.Eval($"{Zurich}.Format(\"2006-01-02 15:04 -07:00\")").ShouldBe("2024-07-09 00:30 +02:00");
        Expr.Eval($"({Zurich} + duration(\"1h\")).Hour()").ShouldBe(1L);
    }

    [Theory]
    [InlineData("it's \\ 2006", "it's \\ 2024")]
    [InlineData("%d yyyy 2006", "%d yyyy 2024")]
    public void Literal_text_in_a_layout_round_trips(string layout, string text)
    {
        // Raw `...` strings, so backslashes reach the layout as they are.
        Expr.Eval($"{T}.Format(`{layout}`)").ShouldBe(text);
        Expr.Eval($"date(`{text}`, `{layout}`).Year()").ShouldBe(2024L);
    }

    [Theory]
    [InlineData("date(\"x\", \"\")", "date: cannot parse \"x\" as \"\"")]
    [InlineData("date(\"2024\", \"2006\", \"../../../../etc/passwd\")", "date: unknown time zone")]
    [InlineData("date(\"2024\", \"2006\", \"/etc/localtime\")", "date: unknown time zone")]
    [InlineData("date(\"x\", \"'\\\\%\")", "date: cannot parse")]
    [InlineData("date(\"2024-03-09\", \"2006-01-02\", 1)", "invalid argument for date (type int, expected string)")]
    public void Bad_layouts_and_zones_are_clear_errors(string expression, string message) =>
        Expr.Fails(expression).Message.ShouldContain(message);
}
