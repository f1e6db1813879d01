using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Warehouses;

public sealed record DiscoveredCommit
{
    [MinLength(1)]
    public string? Id { get; init; }

    public string? Branch { get; init; }

    public string? Tag { get; init; }

    /// <summary>The commit subject, cut to 80 characters.</summary>
    public string? Subject { get; init; }

    public string? Author { get; init; }

    public string? Committer { get; init; }

    public DateTimeOffset? CreatorDate { get; init; }
}
