namespace Dray.Sources.Git;

/// <summary>A git operation failed; the message is meant for humans and never contains credentials.</summary>
public sealed class GitException : Exception
{
    public GitException(GitErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public GitException(GitErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public GitException()
    {
    }

    public GitException(string message)
        : base(message)
    {
    }

    public GitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitErrorKind Kind { get; }
}
