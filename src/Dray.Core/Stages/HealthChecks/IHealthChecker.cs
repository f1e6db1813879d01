using System.Text.Json;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages.HealthChecks;

/// <summary>
/// Runs one kind of health check a promotion step registered (<c>status.healthChecks[].uses</c>), for example
/// <c>argocd-update</c>. Transport failures are reported as an Unknown result with an issue, not thrown.
/// </summary>
public interface IHealthChecker
{
    /// <summary>The <c>uses</c> value this checker answers for.</summary>
    string Name { get; }

    ValueTask<Health> CheckAsync(HealthCheckContext context, JsonElement? config, CancellationToken cancellationToken);
}
