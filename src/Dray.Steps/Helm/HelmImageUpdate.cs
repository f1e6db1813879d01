using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Helm;

public sealed record HelmImageUpdate
{
    /// <summary>The image repository, as in the Freight.</summary>
    [MinLength(1)]
    public required string Image { get; init; }

    /// <summary>The values-file key (sjson path) to set.</summary>
    [MinLength(1)]
    public required string Key { get; init; }

    public required HelmImageValue Value { get; init; }
}
