namespace Dray.Sources.Git;

/// <summary>One commit as <see cref="GitLogReader"/> reads it; <see cref="Paths"/> is empty without <c>--name-only</c>.</summary>
internal sealed record GitLogEntry(
    string Id,
    string Subject,
    string Author,
    string Committer,
    DateTimeOffset CommitDate,
    IReadOnlyList<string> Paths);
