using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.ArgoCd;

public sealed record ArgoCdKustomizeImageConfig
{
    [MinLength(1)]
    public required string RepoURL { get; init; }

    public string? Tag { get; init; }

    public string? Digest { get; init; }

    public string? NewName { get; init; }
}
