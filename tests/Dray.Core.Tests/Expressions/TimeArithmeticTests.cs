using System.Globalization;
using Dray.Core.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Expressions;

/// <summary>Operators and methods between times and durations, with <c>now()</c> from a fake clock.</summary>
public sealed class TimeArithmeticTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private static ExpressionEnvironment Env(string commitDate) => ExpressionEnvironment.Empty
        .WithTimeProvider(Clock)
        .WithVariable("commitDate", DateTimeOffset.Parse(commitDate, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2024-05-31T12:00:01Z", true)]
    [InlineData("2024-05-31T11:59:59Z", false)]
    [InlineData("2024-06-01T13:00:00Z", true)]
    public void Commit_date_within_the_last_day(string commitDate, bool expected)
    {
        Expr.Eval("commitDate > now() - duration(\"24h\")", Env(commitDate)).ShouldBe(expected);
        Expr.Eval("commitDate.After(now().Add(-duration(\"24h\")))", Env(commitDate)).ShouldBe(expected);
        Expr.Eval("now() - commitDate < duration(\"24h\")", Env(commitDate)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("now() + duration(\"1h30m\")", "2024-06-01T13:30:00Z")]
    [InlineData("duration(\"1h30m\") + now()", "2024-06-01T13:30:00Z")]
    [InlineData("now() - duration(\"168h\")", "2024-05-25T12:00:00Z")]
    [InlineData("now().Add(duration(\"-1.5s\"))", "2024-06-01T11:59:58.5Z")]
    [InlineData("now().AddDate(0, 1, -1)", "2024-06-30T12:00:00Z")]
    [InlineData("date(\"2024-01-01\") + duration(\"36h\")", "2024-01-02T12:00:00Z")]
    public void Time_plus_or_minus_a_duration_is_a_time(string expression, string expected) =>
        Expr.Eval($"string({expression})", Env("2024-01-01T00:00:00Z")).ShouldBe(expected);

    [Theory]
    [InlineData("now() - commitDate", "36h0m0s")]
    [InlineData("commitDate - now()", "-36h0m0s")]
    [InlineData("now().Sub(commitDate)", "36h0m0s")]
    [InlineData("now() - now()", "0s")]
    public void Time_minus_time_is_a_duration(string expression, string expected) =>
        Expr.Eval($"({expression}).String()", Env("2024-05-31T00:00:00Z")).ShouldBe(expected);

    [Fact]
    public void Days_since_a_commit_come_from_hours()
    {
        Expr.Eval("(now() - commitDate).Hours() / 24", Env("2024-05-29T00:00:00Z")).ShouldBe(3.5);
        Expr.Eval("type(now() - commitDate)", Env("2024-05-29T00:00:00Z")).ShouldBe("time.Duration");
    }

    [Theory]
    [InlineData("commitDate == date(\"2024-05-31T02:00:00+02:00\")", true)]
    [InlineData("commitDate != now()", true)]
    [InlineData("commitDate >= date(\"2024-05-31\")", true)]
    [InlineData("commitDate <= date(\"2024-05-30\")", false)]
    [InlineData("commitDate < now()", true)]
    public void Times_compare_with_operators(string expression, bool expected) =>
        Expr.Eval(expression, Env("2024-05-31T00:00:00Z")).ShouldBe(expected);

    [Theory]
    [InlineData("now().Weekday()", "int:6")]
    [InlineData("now().YearDay()", "int:153")]
    [InlineData("now().Unix()", "int:1717243200")]
    [InlineData("now().Nanosecond()", "int:0")]
    [InlineData("now().IsZero()", "false")]
    public void Calendar_methods_read_the_clock(string expression, string expected) =>
        Expr.Typed(expression, Env("2024-05-31T00:00:00Z")).ShouldBe(expected);

    [Fact]
    public void Now_follows_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var env = ExpressionEnvironment.Empty.WithTimeProvider(clock);
        Expr.Eval("now().Year()", env).ShouldBe(2030L);
        clock.Advance(TimeSpan.FromDays(366));
        Expr.Eval("now().Year()", env).ShouldBe(2031L);
    }

    [Theory]
    [InlineData("now() + now()", "invalid operation: + (mismatched types time.Time and time.Time)")]
    [InlineData("now() - 1", "invalid operation: - (mismatched types time.Time and int)")]
    [InlineData("duration(\"1h\") - now()", "invalid operation: - (mismatched types time.Duration and time.Time)")]
    [InlineData("now() * 2", "invalid operation: * (mismatched types time.Time and int)")]
    [InlineData("now() > duration(\"1h\")", "invalid operation: > (mismatched types time.Time and time.Duration)")]
    [InlineData("now().Add(\"1h\")", "invalid argument for Add (type string, expected time.Duration)")]
    [InlineData("now().Sub(duration(\"1h\"))", "invalid argument for Sub (type time.Duration, expected time.Time)")]
    [InlineData("now().AddDate(8000, 0, 0)", "time out of range")]
    [InlineData("-now()", "invalid operation: -time.Time")]
    public void Wrong_operands_are_clear_errors(string expression, string message) =>
        Expr.Fails(expression, Env("2024-05-31T00:00:00Z")).Message.ShouldContain(message);
}
