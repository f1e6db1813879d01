namespace Dray.Sources.Git;

/// <summary>A tag and the commit it points at (annotated tags peeled).</summary>
internal sealed record GitTag(
    string Name,
    string CommitId,
    DateTimeOffset CreatorDate,
    string Subject,
    string Author,
    string Committer);
