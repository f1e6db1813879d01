namespace Dray.Steps.ArgoCd;

/// <summary>Changes to one source of an Application, matched by <see cref="RepoUrl"/> (and <see cref="Chart"/>).</summary>
public sealed record ArgoCdSourceUpdate
{
    public required string RepoUrl { get; init; }

    public string? Chart { get; init; }

    public string? DesiredRevision { get; init; }

    public bool UpdateTargetRevision { get; init; }

    public IReadOnlyList<ArgoCdKustomizeImage> KustomizeImages { get; init; } = [];

    public IReadOnlyList<ArgoCdHelmParameter> HelmParameters { get; init; } = [];
}
