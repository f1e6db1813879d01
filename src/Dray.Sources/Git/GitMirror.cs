namespace Dray.Sources.Git;

/// <summary>A fresh bare mirror of a remote: where it is on disk and the refs it holds (same as the remote's).</summary>
public sealed record GitMirror(string RepoUrl, string Path, GitRemoteRefs Refs, GitCredential? Credential, bool InsecureSkipTlsVerify)
{
    /// <summary>The remote's default branch (its HEAD), when it advertises one.</summary>
    public string? DefaultBranch => Refs.HeadBranch;
}
