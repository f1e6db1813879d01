namespace Dray.Core.Model.Projects;

public sealed record ProjectStats
{
    public ResourceStats? Warehouses { get; init; }

    public ResourceStats? Stages { get; init; }
}
