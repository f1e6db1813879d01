namespace Dray.Server.Api.Contracts;

public sealed record TokenResponse(string Name, string Role, string? Project, DateTimeOffset CreatedAt);
