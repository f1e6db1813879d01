namespace Dray.Server.Webhooks;

/// <summary>Full git ref names as push payloads carry them.</summary>
public static class WebhookRefs
{
    public const string BranchPrefix = "refs/heads/";

    public const string TagPrefix = "refs/tags/";

    /// <summary>The branch of <c>refs/heads/X</c>, or null for any other ref.</summary>
    public static string? Branch(string reference) => After(reference, BranchPrefix);

    /// <summary>The tag of <c>refs/tags/T</c>, or null for any other ref.</summary>
    public static string? Tag(string reference) => After(reference, TagPrefix);

    /// <summary>
    /// A branch name from a payload field that may hold it short (<c>main</c>) or full (<c>refs/heads/main</c>, as
    /// Azure DevOps' <c>defaultBranch</c>); null when empty.
    /// </summary>
    public static string? ShortBranch(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Branch(name) ?? name;

    private static string? After(string reference, string prefix)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.StartsWith(prefix, StringComparison.Ordinal) && reference.Length > prefix.Length ? reference[prefix.Length..] : null;
    }
}
