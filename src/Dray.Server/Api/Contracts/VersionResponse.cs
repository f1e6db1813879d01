namespace Dray.Server.Api.Contracts;

public sealed record VersionResponse(string Version, string Commit);
