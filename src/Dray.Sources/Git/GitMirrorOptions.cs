namespace Dray.Sources.Git;

public sealed record GitMirrorOptions
{
    /// <summary>The data directory; mirrors live in <c>git-mirrors/</c> beneath it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The git executable, found on PATH by default.</summary>
    public string GitBinary { get; init; } = "git";
}
