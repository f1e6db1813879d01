using System.Globalization;

namespace Dray.Cli.Output;

/// <summary>Short human ages as kubectl prints them: 42s, 5m, 3h, 12d, 2y.</summary>
internal static class Age
{
    public static string Format(string? timestamp, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return "<unknown>";
        }

        return Format(now - created);
    }

    public static string Format(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age switch
        {
            { TotalMinutes: < 2 } => $"{(long)age.TotalSeconds}s",
            { TotalHours: < 2 } => $"{(long)age.TotalMinutes}m",
            { TotalDays: < 2 } => $"{(long)age.TotalHours}h",
            { TotalDays: < 730 } => $"{(long)age.TotalDays}d",
            _ => $"{(long)(age.TotalDays / 365)}y",
        };
    }
}
