namespace Dray.Sources.Git;

/// <summary>Kargo's 80-character rule for recorded commit subjects.</summary>
public static class CommitSubject
{
    public const int MaxLength = 80;

    public static string Truncate(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Length > MaxLength ? string.Concat(subject.AsSpan(0, MaxLength - 3), "...") : subject;
    }
}
