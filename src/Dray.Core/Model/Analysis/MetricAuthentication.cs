namespace Dray.Core.Model.Analysis;

public sealed record MetricAuthentication
{
    public BasicAuth? BasicAuth { get; init; }

    public OAuth2Config? Oauth2 { get; init; }

    public Sigv4Config? Sigv4 { get; init; }
}
