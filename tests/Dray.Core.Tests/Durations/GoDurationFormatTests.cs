using Dray.Core.Durations;

namespace Dray.Core.Tests.Durations;

public sealed class GoDurationFormatTests
{
    [Theory]
    [InlineData("5m0s", 300)]
    [InlineData("5m", 300)]
    [InlineData("30s", 30)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("2h0m10s", 7210)]
    public void Parses_kargo_intervals(string text, double seconds)
    {
        GoDuration.TryParse(text, out var duration).ShouldBeTrue();
        duration.TotalSeconds.ShouldBe(seconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5d")]
    [InlineData("5m 3s")]
    [InlineData("1..5s")]
    public void Rejects_text_that_is_not_a_go_duration(string? text)
    {
        GoDuration.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(40, "40s")]
    [InlineData(40.4, "40s")]
    [InlineData(150, "2m30s")]
    [InlineData(300, "5m0s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(3661, "1h1m1s")]
    public void Formats_like_go(double seconds, string expected)
    {
        GoDuration.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }
}
