namespace Dray.Server.Api.Contracts;

public sealed record CreateTokenRequest(string? Name, string? Role, string? Project);
