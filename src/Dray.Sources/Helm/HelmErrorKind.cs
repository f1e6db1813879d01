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

    /// <summary>The server answered 5xx: retrying later may help.</summary>
    ServerError,
}
