namespace Dray.Server.Api.Contracts;

public sealed record HealthResponse(string Status);
