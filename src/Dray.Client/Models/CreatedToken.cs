namespace Dray.Client.Models;

/// <summary>A new API token; <paramref name="Token"/> is only ever returned here.</summary>
public sealed record CreatedToken(string Name, string Role, string? Project, string Token);
