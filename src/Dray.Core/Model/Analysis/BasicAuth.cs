namespace Dray.Core.Model.Analysis;

public sealed record BasicAuth
{
    public string? Username { get; init; }

    public string? Password { get; init; }
}
