namespace Dray.Core.Model.Analysis;

public sealed record Sigv4Config
{
    public string? Region { get; init; }

    public string? Profile { get; init; }

    public string? RoleArn { get; init; }
}
