namespace Dray.Server.Api.Contracts;

/// <param name="Token">The bearer token; the server keeps only its hash, so this is the only time it is shown.</param>
public sealed record CreatedTokenResponse(string Name, string Role, string? Project, string Token);
