namespace Dray.Server.Api.Contracts;

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt);
