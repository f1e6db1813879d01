using System.Globalization;
using System.Text;
using Dray.Core.Durations;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// The value of <c>duration()</c> and of time differences: Go's time.Duration, a signed count of nanoseconds, with
/// its Hours/Minutes/Seconds/String methods. Prints like Go (<c>1h30m0s</c>) and marshals as nanoseconds.
/// </summary>
internal sealed class DurationValue(long nanoseconds) : IExpressionScalar
{
    public long Nanoseconds { get; } = nanoseconds;

    public string TypeName => "time.Duration";

    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);

    public static DurationValue FromTimeSpan(TimeSpan span) => new(Saturate((decimal)span.Ticks * 100));

    /// <summary>Go saturates out-of-range durations (as in Time.Sub) instead of wrapping.</summary>
    public static long Saturate(decimal nanoseconds) =>
        nanoseconds > long.MaxValue ? long.MaxValue : nanoseconds < long.MinValue ? long.MinValue : (long)nanoseconds;

    public static DurationValue Parse(IReadOnlyList<object?> args)
    {
        Args.Count("duration", args, 1, 1);
        var text = Args.String("duration", args, 0);
        if (!GoDuration.TryParse(text, out var span))
        {
            throw new ExpressionException($"invalid duration \"{text}\" (expected Go syntax such as \"90s\", \"1h30m\" or \"-24h\"; units ns us ms s m h)");
        }

        // Go's int64 nanoseconds reach about 292 years; longer texts are an error there too.
        return Math.Abs((decimal)span.Ticks) <= long.MaxValue / 100
            ? FromTimeSpan(span)
            : throw new ExpressionException($"invalid duration \"{text}\" (out of range: at most 2562047h47m16s)");
    }

    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "Hours" => Method(name, () => Nanoseconds / 3.6e12),
            "Minutes" => Method(name, () => Nanoseconds / 6e10),
            "Seconds" => Method(name, () => Nanoseconds / 1e9),
            "Milliseconds" => Method(name, () => Nanoseconds / 1_000_000),
            "Microseconds" => Method(name, () => Nanoseconds / 1_000),
            "Nanoseconds" => Method(name, () => Nanoseconds),
            "Abs" => Method(name, () => new DurationValue(Nanoseconds == long.MinValue ? long.MaxValue : Math.Abs(Nanoseconds))),
            "String" => Method(name, () => GoString(Nanoseconds)),
            _ => null,
        };
        return value is not null;
    }

    public IEnumerable<KeyValuePair<string, object?>> JsonFields() => [];

    public object? ToScalar() => GoString(Nanoseconds);

    public override bool Equals(object? obj) => obj is DurationValue other && other.Nanoseconds == Nanoseconds;

    public override int GetHashCode() => Nanoseconds.GetHashCode();

    /// <summary>Go's Duration.String at full precision: <c>0s</c>, <c>1.5s</c>, <c>100ms</c>, <c>2h0m0s</c>, <c>-1m30s</c>.</summary>
    public static string GoString(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var sign = nanoseconds < 0 ? "-" : "";
        var magnitude = nanoseconds < 0 ? (ulong)-(nanoseconds + 1) + 1 : (ulong)nanoseconds;
        if (magnitude < 1_000_000_000)
        {
            var (unit, scale) = magnitude < 1_000 ? ("ns", 1UL) : magnitude < 1_000_000 ? ("µs", 1_000UL) : ("ms", 1_000_000UL);
            return sign + Fraction(magnitude, scale) + unit;
        }

        var seconds = magnitude / 1_000_000_000;
        var text = new StringBuilder(sign);
        if (seconds >= 3600)
        {
            text.Append((seconds / 3600).ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (seconds >= 60)
        {
            text.Append((seconds / 60 % 60).ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return text.Append(Fraction(magnitude % 60_000_000_000, 1_000_000_000)).Append('s').ToString();
    }

    private static string Fraction(ulong value, ulong scale)
    {
        var whole = (value / scale).ToString(CultureInfo.InvariantCulture);
        var rest = value % scale;
        if (rest == 0)
        {
            return whole;
        }

        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + rest.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }

    private static ExpressionFunction Method(string name, Func<object?> body) => new(name, args =>
    {
        Args.Count(name, args, 0, 0);
        return body();
    });
}
