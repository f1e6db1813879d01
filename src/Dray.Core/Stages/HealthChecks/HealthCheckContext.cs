namespace Dray.Core.Stages.HealthChecks;

/// <summary>Where a health check runs: the project, the Stage and the Promotion that registered it.</summary>
public sealed record HealthCheckContext(string Project, string Stage, string? Promotion);
