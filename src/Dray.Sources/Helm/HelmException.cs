namespace Dray.Sources.Helm;

/// <summary>Chart discovery failed; the message is meant for humans and never contains credentials.</summary>
public sealed class HelmException : Exception
{
    public HelmException(HelmErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public HelmException(HelmErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public HelmException()
    {
    }

    public HelmException(string message)
        : base(message)
    {
    }

    public HelmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HelmErrorKind Kind { get; }
}
