using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages.HealthChecks;

/// <summary>
/// Combines the results of a Stage's health checks (Kargo §6.4): the worst status wins, issues are concatenated
/// and the checkers' outputs are kept in order. No checks means a succeeded promotion counts as Healthy.
/// </summary>
public static class StageHealth
{
    public static Health Combine(IReadOnlyList<Health> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return new Health { Status = HealthState.Healthy };
        }

        var worst = results.Select(r => r.Status ?? HealthState.Unknown).MaxBy(Severity);
        var issues = results.SelectMany(r => r.Issues ?? []).ToList();
        var outputs = results.Where(r => r.Output is not null).Select(r => JsonSerializer.SerializeToNode(r.Output, KargoJson.Options)).ToArray();
        return new Health
        {
            Status = worst,
            Issues = issues.Count == 0 ? null : issues,
            Output = outputs.Length == 0 ? null : JsonSerializer.SerializeToElement(new JsonArray(outputs), KargoJson.Options),
        };
    }

    /// <summary>Least to most severe: Healthy, NotApplicable, Progressing, Unknown, Unhealthy.</summary>
    public static int Severity(HealthState state) => state switch
    {
        HealthState.Healthy => 0,
        HealthState.NotApplicable => 1,
        HealthState.Progressing => 2,
        HealthState.Unknown => 3,
        _ => 4,
    };

    /// <summary>Verification may start: the checks passed, or there were none.</summary>
    public static bool AllowsVerification(Health? health) => health?.Status is null or HealthState.Healthy;
}
