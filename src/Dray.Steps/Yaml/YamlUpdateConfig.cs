using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Yaml;

public sealed record YamlUpdateConfig
{
    /// <summary>The YAML file, relative to the work directory.</summary>
    [MinLength(1)]
    public required string Path { get; init; }

    [MinLength(1)]
    public required IReadOnlyList<KeyValueUpdate> Updates { get; init; }
}
