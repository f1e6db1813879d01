using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Dray.Steps.Yaml;

/// <summary>One <c>key</c> (sjson path) and the value to put there, of any JSON type.</summary>
public sealed record KeyValueUpdate
{
    [MinLength(1)]
    public required string Key { get; init; }

    public required JsonNode? Value { get; init; }
}
