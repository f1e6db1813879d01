namespace Dray.Client.Models;

/// <summary>The server's build, from <c>GET /api/v1/version</c>.</summary>
public sealed record ServerVersion(string Version, string? Commit);
