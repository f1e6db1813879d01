using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Helm;

public sealed record HelmUpdateImageConfig
{
    /// <summary>The values file, relative to the work directory.</summary>
    [MinLength(1)]
    public required string Path { get; init; }

    [MinLength(1)]
    public required IReadOnlyList<HelmImageUpdate> Images { get; init; }
}
