using System.Globalization;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// expr-lang's <c>date(s)</c>: the layouts it tries when none is given, a zone-less text being UTC as with Go's
/// time.Parse. Custom Go layouts and time zones are not supported.
/// </summary>
internal static class GoDates
{
    private static readonly string[] ZonedLayouts = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static readonly string[] UtcLayouts = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"];

    public static TimeValue Parse(IReadOnlyList<object?> args)
    {
        Args.Count("date", args, 1, 3);
        var text = Args.String("date", args, 0);
        if (args.Count > 1)
        {
            throw new ExpressionException("date: custom layouts and time zones are not supported; use \"2006-01-02\", \"2006-01-02 15:04:05\" or RFC 3339 text");
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
}
