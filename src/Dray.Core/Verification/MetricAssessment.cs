using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>Counters and phase of one metric, following Argo Rollouts' limits.</summary>
internal static class MetricAssessment
{
    private const int MaxMeasurements = 10;

    public static MetricResult Add(MetricResult result, Measurement measurement)
    {
        var measurements = (result.Measurements ?? []).Append(measurement).TakeLast(MaxMeasurements).ToList();
        var isError = measurement.Phase == AnalysisPhase.Error;
        var isSuccess = measurement.Phase == AnalysisPhase.Successful;
        return result with
        {
            Measurements = measurements,
            // Errors do not use up the count: a flaky endpoint must not turn into a pass by attrition.
            Count = (result.Count ?? 0) + (isError ? 0 : 1),
            Successful = (result.Successful ?? 0) + (isSuccess ? 1 : 0),
            Failed = (result.Failed ?? 0) + (measurement.Phase == AnalysisPhase.Failed ? 1 : 0),
            Inconclusive = (result.Inconclusive ?? 0) + (measurement.Phase == AnalysisPhase.Inconclusive ? 1 : 0),
            Error = (result.Error ?? 0) + (isError ? 1 : 0),
            ConsecutiveError = isError ? (result.ConsecutiveError ?? 0) + 1 : 0,
            ConsecutiveSuccess = isSuccess ? (result.ConsecutiveSuccess ?? 0) + 1 : 0,
            Phase = AnalysisPhase.Running,
        };
    }

    public static MetricResult Assess(MetricResult result, MetricLimits limits, bool terminating)
    {
        var failed = result.Failed ?? 0;
        var inconclusive = result.Inconclusive ?? 0;
        if (limits.FailureLimit >= 0 && failed > limits.FailureLimit)
        {
            return result with { Phase = AnalysisPhase.Failed, Message = $"failed ({failed}) > failureLimit ({limits.FailureLimit})" };
        }

        if (limits.InconclusiveLimit >= 0 && inconclusive > limits.InconclusiveLimit)
        {
            return result with
            {
                Phase = AnalysisPhase.Inconclusive,
                Message = $"inconclusive ({inconclusive}) > inconclusiveLimit ({limits.InconclusiveLimit})",
            };
        }

        if (limits.ConsecutiveErrorLimit >= 0 && (result.ConsecutiveError ?? 0) > limits.ConsecutiveErrorLimit)
        {
            var last = result.Measurements is { Count: > 0 } taken ? taken[^1].Message : null;
            return result with
            {
                Phase = AnalysisPhase.Error,
                Message = $"consecutiveErrors ({result.ConsecutiveError}) > consecutiveErrorLimit ({limits.ConsecutiveErrorLimit})"
                    + (last is null ? "" : $": {last}"),
            };
        }

        if (limits.ConsecutiveSuccessLimit is > 0 and var successes && (result.ConsecutiveSuccess ?? 0) >= successes)
        {
            return result with { Phase = AnalysisPhase.Successful };
        }

        if (terminating || (limits.Count is { } count && (result.Count ?? 0) >= count))
        {
            return result with { Phase = AnalysisPhase.Successful, Message = terminating ? "metric terminated" : result.Message };
        }

        return result with { Phase = (result.Measurements?.Count ?? 0) == 0 ? AnalysisPhase.Pending : AnalysisPhase.Running };
    }
}
