namespace Dray.Server.Security;

/// <summary>An API token as listed: never the secret itself.</summary>
public sealed record ApiTokenInfo(string Name, Role Role, string? Project, DateTimeOffset CreatedAt);
