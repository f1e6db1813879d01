namespace Dray.Sources.Git;

public enum GitErrorKind
{
    Other,
    AuthenticationFailed,
    RepositoryNotFound,
    ConnectionFailed,
    RefNotFound,
    InvalidSubscription,
}
