using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Git;

public sealed record GitClearConfig
{
    [MinLength(1)]
    public required string Path { get; init; }
}
