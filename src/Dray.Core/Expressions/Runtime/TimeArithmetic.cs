namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// expr-lang's operators on time.Time and time.Duration: time ± duration, time − time, duration ± duration and
/// duration × number (wrapping like Go's int64 arithmetic). Null when these rules do not apply, so
/// the numeric rules (and their type errors) take over.
/// </summary>
internal static class TimeArithmetic
{
    public static object? TryAdd(object? left, object? right) => (left, right) switch
    {
        (TimeValue t, DurationValue d) => t.Plus(d),
        (DurationValue d, TimeValue t) => t.Plus(d),
        (DurationValue a, DurationValue b) => new DurationValue(unchecked(a.Nanoseconds + b.Nanoseconds)),
        _ => null,
    };

    public static object? TrySubtract(object? left, object? right) => (left, right) switch
    {
        (TimeValue a, TimeValue b) => a.Minus(b),
        (TimeValue t, DurationValue d) => t.Plus(new DurationValue(unchecked(-d.Nanoseconds))),
        (DurationValue a, DurationValue b) => new DurationValue(unchecked(a.Nanoseconds - b.Nanoseconds)),
        _ => null,
    };

    public static object? TryMultiply(object? left, object? right) => (left, right) switch
    {
        (DurationValue d, long or double) => Scale(d, right),
        (long or double, DurationValue d) => Scale(d, left),
        _ => null,
    };

    private static DurationValue Scale(DurationValue duration, object? factor) => factor switch
    {
        long n => new DurationValue(unchecked(duration.Nanoseconds * n)),
        double f when double.IsNaN(f) => throw new ExpressionException("invalid operation: time.Duration * NaN"),
        _ => new DurationValue(DurationValue.Saturate((decimal)Math.Clamp(duration.Nanoseconds * (double)factor!, -9.2e18, 9.2e18))),
    };
}
