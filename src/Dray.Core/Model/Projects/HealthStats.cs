namespace Dray.Core.Model.Projects;

public sealed record HealthStats
{
    public long? Healthy { get; init; }
}
