using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Files;

public sealed record CopyConfig
{
    [MinLength(1)]
    public required string InPath { get; init; }

    [MinLength(1)]
    public required string OutPath { get; init; }

    /// <summary>Patterns to leave out, one a line, in .gitignore syntax.</summary>
    public string? Ignore { get; init; }
}
