using System.ComponentModel.DataAnnotations;
using Dray.Steps.Yaml;

namespace Dray.Steps.Json;

public sealed record JsonUpdateConfig
{
    /// <summary>The JSON file, relative to the work directory.</summary>
    [MinLength(1)]
    public required string Path { get; init; }

    [MinLength(1)]
    public required IReadOnlyList<KeyValueUpdate> Updates { get; init; }
}
