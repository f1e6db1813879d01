using System.Globalization;
using System.Text.RegularExpressions;

namespace Dray.Steps.Git;

/// <summary>Kargo's Go-style durations as used in step config: <c>30s</c>, <c>1m30s</c>, <c>1.5h</c>.</summary>
internal static partial class DurationText
{
    public static TimeSpan Parse(string text)
    {
        var total = TimeSpan.Zero;
        foreach (Match m in Part().Matches(text))
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }

        return total;
    }

    [GeneratedRegex("([0-9]+(?:\\.[0-9]+)?)(s|m|h)")]
    private static partial Regex Part();
}
