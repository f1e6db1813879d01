using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Projects;

public sealed record DeepLink
{
    [MinLength(1)]
    public required string Title { get; init; }

    [MinLength(1)]
    public required string Url { get; init; }

    public string? Description { get; init; }

    public string? If { get; init; }
}
