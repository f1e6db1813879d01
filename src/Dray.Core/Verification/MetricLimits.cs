using Dray.Core.Durations;
using System.Globalization;
using Dray.Core.Model.Analysis;
using Dray.Core.Stages;

namespace Dray.Core.Verification;

/// <summary>A metric's schedule and limits, resolved once from the (argument-substituted) metric.</summary>
internal sealed record MetricLimits(
    TimeSpan? Interval,
    TimeSpan InitialDelay,
    int? Count,
    int FailureLimit,
    int InconclusiveLimit,
    int ConsecutiveErrorLimit,
    int? ConsecutiveSuccessLimit)
{
    private const int DefaultConsecutiveErrorLimit = 4;

    /// <summary>Resolves the limits; an unparsable value is an error message.</summary>
    public static (MetricLimits? Limits, string? Error) From(Metric metric)
    {
        var errors = new List<string>();
        var interval = Duration(metric.Interval, "interval", errors);
        var delay = Duration(metric.InitialDelay, "initialDelay", errors) ?? TimeSpan.Zero;
        var count = Int(metric.Count, "count", errors);
        var limits = new MetricLimits(
            interval,
            delay,
            // Without an interval a metric is measured once; with one and no count it runs until a limit trips.
            count ?? (interval is null ? 1 : null),
            Int(metric.FailureLimit, "failureLimit", errors) ?? 0,
            Int(metric.InconclusiveLimit, "inconclusiveLimit", errors) ?? 0,
            Int(metric.ConsecutiveErrorLimit, "consecutiveErrorLimit", errors) ?? DefaultConsecutiveErrorLimit,
            Int(metric.ConsecutiveSuccessLimit, "consecutiveSuccessLimit", errors));
        return errors.Count == 0 ? (limits, null) : (null, $"metric {metric.Name}: {string.Join("; ", errors)}");
    }

    private static TimeSpan? Duration(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (GoDuration.TryParse(text, out var value) && value >= TimeSpan.Zero)
        {
            return value;
        }

        errors.Add($"{field} \"{text}\" is not a duration");
        return null;
    }

    private static int? Int(IntOrString? value, string field, List<string> errors)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (v.IntValue is { } i)
        {
            return i;
        }

        if (int.TryParse(v.StringValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{field} \"{v.StringValue}\" is not an integer");
        return null;
    }
}
