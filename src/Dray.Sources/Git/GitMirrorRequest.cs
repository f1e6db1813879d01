namespace Dray.Sources.Git;

/// <summary>Which remote to mirror and how to reach it.</summary>
/// <param name="Blobless">Clone with <c>--filter=blob:none</c> (only when the mirror is first created).</param>
public sealed record GitMirrorRequest(
    string RepoUrl,
    GitCredential? Credential = null,
    bool Blobless = false,
    bool InsecureSkipTlsVerify = false);
