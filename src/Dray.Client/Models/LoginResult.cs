namespace Dray.Client.Models;

/// <summary>The admin session token returned by <c>POST /api/v1/login</c>.</summary>
public sealed record LoginResult(string Token, DateTimeOffset? ExpiresAt);
