namespace Dray.Core.Model.Analysis;

public sealed record OAuth2Config
{
    public string? TokenUrl { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public IReadOnlyList<string>? Scopes { get; init; }
}
