namespace Dray.Sources.Helm;

public enum HelmErrorKind
{
    Other,
    AuthenticationFailed,
    RepositoryNotFound,
    ConnectionFailed,
    MalformedIndex,
    ChartNotFound,
    InvalidSubscription,
}
