using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Dray.Steps.Control;

/// <summary>One target of <c>set-metadata</c>: a Stage or Freight of the Promotion's project, and the keys to set.</summary>
public sealed record SetMetadataUpdate
{
    [RegularExpression("^(Stage|Freight)$")]
    public required string Kind { get; init; }

    [MinLength(1)]
    public required string Name { get; init; }

    public required JsonObject Values { get; init; }
}
