using System.Globalization;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// expr-lang's <c>date(s[, layout[, timezone]])</c>. Without a layout: the layouts expr tries first
/// (<c>2006-01-02</c>, <c>2006-01-02 15:04:05</c>, RFC 3339). With a Go layout: parsed as Go's
/// time.ParseInLocation would, a zone-less text being in the given IANA time zone (UTC by default).
/// </summary>
internal static class GoDates
{
    private static readonly string[] ZonedLayouts = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static readonly string[] UtcLayouts = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"];

    public static TimeValue Parse(IReadOnlyList<object?> args)
    {
        Args.Count("date", args, 1, 3);
        var text = Args.String("date", args, 0);
        var zone = args.Count == 3 ? Zone(Args.String("date", args, 2)) : null;
        if (args.Count > 1)
        {
            return WithLayout(text, Args.String("date", args, 1), zone);
        }

        if (DateTimeOffset.TryParseExact(text, ZonedLayouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned)
            && text.Length > 19 && (text[^1] is 'Z' || text[^6] is '+' or '-'))
        {
            return new TimeValue(zoned);
        }

        if (DateTimeOffset.TryParseExact(text, UtcLayouts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var utc))
        {
            return new TimeValue(utc);
        }

        throw new ExpressionException($"invalid date {text}");
    }

    private static TimeValue WithLayout(string text, string layout, TimeZoneInfo? zone)
    {
        if (layout.Length == 0)
        {
            throw Unparsable(text, layout);
        }

        var pattern = GoLayout.ToParsePattern(layout);
        var hasOffset = GoLayout.Split(layout).Exists(p => p.Element && p.Text[0] is 'Z' or '-');
        if (hasOffset)
        {
            return DateTimeOffset.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned)
                ? new TimeValue(zoned, zone)
                : throw Unparsable(text, layout);
        }

        if (!DateTime.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var wall))
        {
            throw Unparsable(text, layout);
        }

        // A wall-clock time in the zone: skipped (spring-forward) times take the offset before the change, as in Go.
        var offset = zone is null ? TimeSpan.Zero
            : zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(-1))
            : zone.GetUtcOffset(wall);
        return new TimeValue(new DateTimeOffset(wall, offset), zone);
    }

    private static TimeZoneInfo Zone(string name)
    {
        if (name is "UTC" or "")
        {
            return TimeZoneInfo.Utc;
        }

        // Only IANA-shaped names reach the zone database, which is read from files named after them.
        var shaped = !name.Contains("..", StringComparison.Ordinal) && name[0] != '/'
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+');
        return shaped && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
            ? zone
            : throw new ExpressionException($"date: unknown time zone \"{name}\"");
    }

    private static ExpressionException Unparsable(string text, string layout) =>
        new($"date: cannot parse \"{text}\" as \"{layout}\"");
}
