namespace Dray.Sources.Git;

public enum GitErrorKind
{
    Other,
    AuthenticationFailed,
    RepositoryNotFound,
    ConnectionFailed,
    RefNotFound,
    InvalidSubscription,

    /// <summary>The server answered 5xx: retrying later may help.</summary>
    ServerError,

    /// <summary>The server's TLS certificate is not trusted: retrying cannot help; trust its CA or skip verification.</summary>
    UntrustedCertificate,
}
