using System.Globalization;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// The value of <c>now()</c>, <c>date()</c> and host times (a commit date): a UTC instant with a few of Go's
/// time.Time methods.
/// </summary>
internal sealed class TimeValue(DateTimeOffset instant) : IExpressionScalar
{
    public DateTimeOffset Instant { get; } = instant.ToUniversalTime();

    public string TypeName => "time.Time";

    public string Rfc3339 => Instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "Year" => Method(name, () => (long)Instant.Year),
            "Month" => Method(name, () => (long)Instant.Month),
            "Day" => Method(name, () => (long)Instant.Day),
            "Hour" => Method(name, () => (long)Instant.Hour),
            "Minute" => Method(name, () => (long)Instant.Minute),
            "Second" => Method(name, () => (long)Instant.Second),
            "YearDay" => Method(name, () => (long)Instant.DayOfYear),
            "Unix" => Method(name, () => Instant.ToUnixTimeSeconds()),
            "UnixMilli" => Method(name, () => Instant.ToUnixTimeMilliseconds()),
            "String" => Method(name, () => Rfc3339),
            "After" => Compare(name, other => Instant > other),
            "Before" => Compare(name, other => Instant < other),
            "Equal" => Compare(name, other => Instant == other),
            "Compare" => Compare(name, other => (long)Instant.CompareTo(other)),
            _ => null,
        };
        return value is not null;
    }

    public IEnumerable<KeyValuePair<string, object?>> JsonFields() => [];

    public object? ToScalar() => Rfc3339;

    public override bool Equals(object? obj) => obj is TimeValue other && other.Instant == Instant;

    public override int GetHashCode() => Instant.GetHashCode();

    private static ExpressionFunction Compare(string name, Func<DateTimeOffset, object?> body) => new(name, args =>
    {
        Args.Count(name, args, 1, 1);
        return args[0] is TimeValue other ? body(other.Instant) : throw Args.Type(name, args, 0, "time.Time");
    });

    private static ExpressionFunction Method(string name, Func<object?> body) => new(name, args =>
    {
        Args.Count(name, args, 0, 0);
        return body();
    });
}
