namespace Dray.Sources.Git;

public sealed record GitMirrorOptions
{
    /// <summary>The data directory; mirrors live in <c>git-mirrors/</c> beneath it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The git executable, found on PATH by default.</summary>
    public string GitBinary { get; init; } = "git";

    /// <summary>
    /// Allows <c>file://</c> repositories (the offline quickstart). Off by default: on a shared server they would let
    /// any project read repositories on the server's disk.
    /// </summary>
    public bool AllowFileUrls { get; init; }
}
