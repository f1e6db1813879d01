namespace Dray.Server;

/// <summary>Every log line the server writes. Values that could be secrets are never parameters here.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Resource store opened at revision {Revision}")]
    public static partial void StoreOpened(ILogger logger, long revision);

    [LoggerMessage(2, LogLevel.Warning, "Generated a new admin password and printed it to standard output")]
    public static partial void AdminPasswordGenerated(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "Admin password set from configuration")]
    public static partial void AdminPasswordConfigured(ILogger logger);

    [LoggerMessage(4, LogLevel.Information, "Admin signed in; session expires at {ExpiresAt}")]
    public static partial void LoginSucceeded(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(5, LogLevel.Warning, "Failed sign-in from {RemoteAddress}")]
    public static partial void LoginFailed(ILogger logger, string? remoteAddress);

    [LoggerMessage(6, LogLevel.Information, "API token {Name} created with role {Role} in project {Project}")]
    public static partial void TokenCreated(ILogger logger, string name, string role, string? project);

    [LoggerMessage(7, LogLevel.Information, "API token {Name} revoked")]
    public static partial void TokenRevoked(ILogger logger, string name);

    [LoggerMessage(8, LogLevel.Information, "Denied {Method} {Path} for {Subject}: {Reason}")]
    public static partial void AccessDenied(ILogger logger, string method, string path, string subject, string reason);

    [LoggerMessage(9, LogLevel.Error, "Route {Method} {Pattern} has no entry in the authorization table; denying")]
    public static partial void RouteNotInTable(ILogger logger, string method, string pattern);

    [LoggerMessage(10, LogLevel.Information, "{Subject} applied {Count} documents (dry run: {DryRun})")]
    public static partial void Applied(ILogger logger, string subject, int count, bool dryRun);

    [LoggerMessage(11, LogLevel.Information, "{Subject} deleted by manifest: {Count} documents")]
    public static partial void DeletedByManifest(ILogger logger, string subject, int count);
}
