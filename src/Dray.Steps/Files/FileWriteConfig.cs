using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Files;

public sealed record FileWriteConfig
{
    [MinLength(1)]
    public required string Path { get; init; }

    /// <summary>The whole content of the file; may be empty.</summary>
    public required string Contents { get; init; }

    /// <summary>Octal mode such as <c>0644</c>; executable and world-writable modes are refused.</summary>
    [RegularExpression("^0[0-7]{3}$")]
    public string? Permissions { get; init; }

    public bool Overwrite { get; init; }
}
