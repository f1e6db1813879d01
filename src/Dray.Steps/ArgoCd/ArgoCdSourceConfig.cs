using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.ArgoCd;

public sealed record ArgoCdSourceConfig
{
    /// <summary>Must equal the Application source's <c>repoURL</c> exactly.</summary>
    [MinLength(1)]
    public required string RepoURL { get; init; }

    public string? Chart { get; init; }

    public string? DesiredRevision { get; init; }

    public bool UpdateTargetRevision { get; init; }

    public ArgoCdKustomizeConfig? Kustomize { get; init; }

    public ArgoCdHelmConfig? Helm { get; init; }
}
