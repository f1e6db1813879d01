using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages.HealthChecks;

/// <summary>
/// Runs the health checks the Stage's last Promotion registered. Null means there is nothing to assess yet (no
/// Promotion has succeeded). A check nobody can run is Unknown, named in the issues.
/// </summary>
public sealed class StageHealthEvaluator(IEnumerable<IHealthChecker> checkers)
{
    private readonly IReadOnlyList<IHealthChecker> _checkers = checkers.ToList();

    public async ValueTask<Health?> EvaluateAsync(Stage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var last = stage.Status?.LastPromotion;
        if (last?.Status?.Phase != PromotionPhase.Succeeded)
        {
            return last is null ? null : new Health { Status = HealthState.Unknown, Issues = [$"the last Promotion {last.Name} did not succeed"] };
        }

        var context = new HealthCheckContext(stage.Metadata.Namespace ?? "", stage.Metadata.Name ?? "", last.Name);
        var results = new List<Health>();
        foreach (var check in last.Status.HealthChecks ?? [])
        {
            var checker = _checkers.FirstOrDefault(c => string.Equals(c.Name, check.Uses, StringComparison.Ordinal));
            results.Add(checker is null
                ? new Health { Status = HealthState.Unknown, Issues = [$"no health checker for \"{check.Uses}\" is registered"] }
                : await checker.CheckAsync(context, check.Config, cancellationToken).ConfigureAwait(false));
        }

        return StageHealth.Combine(results);
    }
}
