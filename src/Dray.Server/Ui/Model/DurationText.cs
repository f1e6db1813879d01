using System.Globalization;

namespace Dray.Server.Ui.Model;

/// <summary>Compact durations for steps and verifications ("850ms", "12s", "3m 4s", "2h 5m").</summary>
public static class DurationText
{
    public static string Format(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "–";
        }

        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }

        return d.TotalSeconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMilliseconds}ms")
            : d.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalSeconds}s")
            : d.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{d.Minutes}m {d.Seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h {d.Minutes}m");
    }
}
