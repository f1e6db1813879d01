namespace Dray.Sources.Git;

/// <summary>
/// A tag and the commit it points at (annotated tags peeled). <see cref="Tagger"/> ("Name &lt;email&gt;") and
/// <see cref="Annotation"/> (the first line of the tag message) are empty for lightweight tags.
/// </summary>
internal sealed record GitTag(
    string Name,
    string CommitId,
    DateTimeOffset CreatorDate,
    string Subject,
    string Author,
    string Committer,
    string Tagger,
    string Annotation);
