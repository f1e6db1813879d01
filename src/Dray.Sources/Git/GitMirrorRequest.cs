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
    bool Shallow = false);
