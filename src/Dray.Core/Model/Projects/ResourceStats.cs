namespace Dray.Core.Model.Projects;

public sealed record ResourceStats
{
    public long? Count { get; init; }

    public HealthStats? Health { get; init; }
}
