namespace Dray.Client.Models;

internal sealed record TokenRequest(string Name, string Role, string? Project);
