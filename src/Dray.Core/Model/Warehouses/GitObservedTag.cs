using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Warehouses;

public sealed record GitObservedTag
{
    [MinLength(1)]
    public required string Name { get; init; }

    [MinLength(1)]
    public required string Id { get; init; }
}
