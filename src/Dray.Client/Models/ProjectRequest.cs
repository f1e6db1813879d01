namespace Dray.Client.Models;

internal sealed record ProjectRequest(string Name);
