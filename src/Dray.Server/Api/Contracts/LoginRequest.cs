namespace Dray.Server.Api.Contracts;

public sealed record LoginRequest(string? Password);
