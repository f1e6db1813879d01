using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Http;

/// <summary>A request header or query parameter.</summary>
public sealed record HttpNameValue
{
    [MinLength(1)]
    public required string Name { get; init; }

    public string Value { get; init; } = "";
}
