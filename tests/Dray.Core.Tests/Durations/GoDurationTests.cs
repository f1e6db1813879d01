using Dray.Core.Durations;

namespace Dray.Core.Tests.Durations;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("180s", 180)]
    [InlineData("30m", 1800)]
    [InlineData("48h", 172800)]
    [InlineData("1h5m30s", 3930)]
    [InlineData("1.5h", 5400)]
    [InlineData("0", 0)]
    [InlineData("500ms", 0.5)]
    public void Parses_go_durations(string text, double seconds)
    {
        GoDuration.TryParse(text, out var duration).ShouldBeTrue();
        duration.TotalSeconds.ShouldBe(seconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5d")]
    [InlineData("h")]
    [InlineData("1h-5m")]
    public void Rejects_what_go_rejects(string text) => GoDuration.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(42, "42s")]
    [InlineData(3900, "1h5m0s")]
    [InlineData(7200, "2h0m0s")]
    [InlineData(61, "1m1s")]
    public void Formats_like_go(int seconds, string expected) => GoDuration.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(30, "30s")]
    [InlineData(2520, "42m")]
    [InlineData(2500, "42m")]
    [InlineData(3900, "1h5m")]
    [InlineData(3600, "1h")]
    [InlineData(183600, "2d3h")]
    public void Humanizes_compactly(int seconds, string expected) => GoDuration.Humanize(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    [Fact]
    public void Format_round_trips_through_parse()
    {
        foreach (var seconds in new[] { 1, 59, 60, 3599, 3600, 90061 })
        {
            GoDuration.Parse(GoDuration.Format(TimeSpan.FromSeconds(seconds))).ShouldBe(TimeSpan.FromSeconds(seconds));
        }
    }
}
