namespace Dray.Steps.ArgoCd;

public sealed record ArgoCdHelmConfig
{
    public required IReadOnlyList<ArgoCdHelmImageConfig> Images { get; init; }
}
