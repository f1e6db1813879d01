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
}
