using System.Globalization;

namespace Dray.Server.Ui.Model;

/// <summary>Short relative ages for the freight line ("42s", "5m", "3h", "2d").</summary>
public static class AgeText
{
    public static string Format(DateTimeOffset? since, DateTimeOffset now)
    {
        if (since is null)
        {
            return "age unknown";
        }

        var age = now - since.Value;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 60 ? $"{(int)age.TotalSeconds}s ago"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes}m ago"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h ago"
            : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d ago");
    }
}
