namespace Dray.Steps.ArgoCd;

public sealed record ArgoCdKustomizeConfig
{
    public required IReadOnlyList<ArgoCdKustomizeImageConfig> Images { get; init; }
}
