using Dray.Core.Resources;

namespace Dray.Client.Models;

/// <summary>One server-sent event of <c>GET /api/v1/watch</c>: <c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>.</summary>
public sealed record WatchEvent(string Type, string? Id, ResourceDocument Document);
