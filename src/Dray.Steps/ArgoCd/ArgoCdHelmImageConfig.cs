using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.ArgoCd;

/// <summary>A Helm parameter to set: <c>key</c> is the values path, <c>value</c> its new value.</summary>
public sealed record ArgoCdHelmImageConfig
{
    [MinLength(1)]
    public required string Key { get; init; }

    public required string Value { get; init; }
}
