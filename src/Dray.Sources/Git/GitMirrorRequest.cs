namespace Dray.Sources.Git;

/// <summary>Which remote to mirror and how to reach it.</summary>
/// <param name="Blobless">Clone with <c>--filter=blob:none</c> (only when the mirror is first created).</param>
/// <param name="Shallow">
/// The caller needs only the refs' tips (a promotion's checkout): a mirror created for it is cloned with
/// <c>--depth 1</c>. A later request without it (discovery walks history) deepens the mirror first.
/// </param>
public sealed record GitMirrorRequest(
    string RepoUrl,
    GitCredential? Credential = null,
    bool Blobless = false,
    bool InsecureSkipTlsVerify = false,
    bool Shallow = false)
{
    /// <summary>
    /// When set, a look at the remote that started at or after this instant is fresh enough: the last one is reused
    /// without asking the remote again, and one still running that started earlier is not joined. When null, a caller
    /// joins a running refresh, or starts one.
    /// </summary>
    public DateTimeOffset? FreshAfter { get; init; }
}
