using System.Globalization;
using System.Text;

namespace Dray.Core.Warehouses;

/// <summary>Go-style durations as Kargo writes them (<c>5m0s</c>, <c>1h30m0s</c>, <c>40s</c>), limited to h, m and s.</summary>
public static class GoDuration
{
    /// <summary>Parses one or more <c>number unit</c> pairs, units h, m or s, numbers optionally fractional.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var total = 0.0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i == start || i == text.Length
                || !double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitSeconds = text[i] switch { 'h' => 3600.0, 'm' => 60.0, 's' => 1.0, _ => double.NaN };
            if (double.IsNaN(unitSeconds))
            {
                return false;
            }

            total += value * unitSeconds;
            i++;
        }

        if (total > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    /// <summary>Formats whole seconds the way Go's <c>time.Duration.String</c> does: <c>0s</c>, <c>40s</c>, <c>2m30s</c>, <c>1h0m0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds <= 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var hours = seconds / 3600;
        var minutes = seconds % 3600 / 60;
        var rest = seconds % 60;
        if (hours > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }

        builder.Append(CultureInfo.InvariantCulture, $"{rest}s");
        return builder.ToString();
    }
}
