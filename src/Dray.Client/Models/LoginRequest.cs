namespace Dray.Client.Models;

internal sealed record LoginRequest(string Password);
