using System.Globalization;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// The value of <c>now()</c>, <c>date()</c> and host times (a commit date): an instant with a subset of Go's
/// time.Time methods. Times are UTC unless <c>date()</c> was given a time zone, whose wall clock then drives
/// Year()…Second() and Format().
/// </summary>
internal sealed class TimeValue(DateTimeOffset instant, TimeZoneInfo? zone = null) : IExpressionScalar
{
    public DateTimeOffset Instant { get; } = instant.ToUniversalTime();

    public TimeZoneInfo? Zone { get; } = zone;

    /// <summary>The instant on the wall clock of its zone (UTC when it has none).</summary>
    public DateTimeOffset Local => Zone is null ? Instant : TimeZoneInfo.ConvertTime(Instant, Zone);

    public string TypeName => "time.Time";

    public string Rfc3339 => Zone is null || Local.Offset == TimeSpan.Zero
        ? Instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : Local.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "Year" => Method(name, () => (long)Local.Year),
            "Month" => Method(name, () => (long)Local.Month),
            "Day" => Method(name, () => (long)Local.Day),
            "Hour" => Method(name, () => (long)Local.Hour),
            "Minute" => Method(name, () => (long)Local.Minute),
            "Second" => Method(name, () => (long)Local.Second),
            "Nanosecond" => Method(name, () => Local.Ticks % TimeSpan.TicksPerSecond * 100),
            "YearDay" => Method(name, () => (long)Local.DayOfYear),
            "Weekday" => Method(name, () => (long)Local.DayOfWeek),
            "Unix" => Method(name, () => Instant.ToUnixTimeSeconds()),
            "UnixMilli" => Method(name, () => Instant.ToUnixTimeMilliseconds()),
            "IsZero" => Method(name, () => Instant == DateTimeOffset.MinValue),
            "String" => Method(name, () => Rfc3339),
            "Format" => Unary(name, "string", a => a is string layout ? GoLayout.Format(Local, layout) : null),
            "Add" => Unary(name, "time.Duration", a => a is DurationValue d ? Plus(d) : null),
            "Sub" => Unary(name, "time.Time", a => a is TimeValue t ? Minus(t) : null),
            "AddDate" => new ExpressionFunction(name, args =>
            {
                Args.Count(name, args, 3, 3);
                var (years, months, days) = (Args.Integer(name, args, 0), Args.Integer(name, args, 1), Args.Integer(name, args, 2));
                return Shifted(() => Instant.AddYears((int)years).AddMonths((int)months).AddDays(days));
            }),
            "After" => Unary(name, "time.Time", a => a is TimeValue t ? Instant > t.Instant : null),
            "Before" => Unary(name, "time.Time", a => a is TimeValue t ? Instant < t.Instant : null),
            "Equal" => Unary(name, "time.Time", a => a is TimeValue t ? Instant == t.Instant : null),
            "Compare" => Unary(name, "time.Time", a => a is TimeValue t ? (long)Instant.CompareTo(t.Instant) : null),
            _ => null,
        };
        return value is not null;
    }

    /// <summary>Time plus a duration; a result outside .NET's year 1–9999 range is an error.</summary>
    public TimeValue Plus(DurationValue duration) => Shifted(() => Instant.AddTicks(duration.Nanoseconds / 100));

    /// <summary>Time minus time: a duration, saturating as Go's Time.Sub does.</summary>
    public DurationValue Minus(TimeValue other) => new(DurationValue.Saturate(((decimal)Instant.Ticks - other.Instant.Ticks) * 100));

    public IEnumerable<KeyValuePair<string, object?>> JsonFields() => [];

    public object? ToScalar() => Rfc3339;

    public override bool Equals(object? obj) => obj is TimeValue other && other.Instant == Instant;

    public override int GetHashCode() => Instant.GetHashCode();

    private TimeValue Shifted(Func<DateTimeOffset> shift)
    {
        try
        {
            return new TimeValue(shift(), Zone);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ExpressionException("time out of range (years 1 to 9999)");
        }
    }

    private static ExpressionFunction Unary(string name, string expected, Func<object?, object?> body) => new(name, args =>
    {
        Args.Count(name, args, 1, 1);
        return body(args[0]) ?? throw Args.Type(name, args, 0, expected);
    });

    private static ExpressionFunction Method(string name, Func<object?> body) => new(name, args =>
    {
        Args.Count(name, args, 0, 0);
        return body();
    });
}
