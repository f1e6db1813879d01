using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Control;

public sealed record SetMetadataConfig
{
    [MinLength(1)]
    public required IReadOnlyList<SetMetadataUpdate> Updates { get; init; }
}
