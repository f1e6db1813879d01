namespace Dray.Cli.Serve;

/// <summary>Where <c>dray serve</c> reaches Argo CD: <c>--argocd-url</c>/<c>$DRAY_ARGOCD_URL</c>, and the token from <c>$DRAY_ARGOCD_TOKEN</c>.</summary>
/// <param name="Server">The Argo CD API server's base URL.</param>
/// <param name="Token">The bearer token; read from the environment only, so that it never shows in a process list.</param>
/// <param name="InsecureSkipTlsVerify">Accept any TLS certificate (a self-signed Argo CD in a lab).</param>
internal sealed record ArgoCdServerSettings(Uri Server, string? Token, bool InsecureSkipTlsVerify)
{
    /// <summary>Keeps the token out of records' generated ToString, which tests and logs may print.</summary>
    public override string ToString() => $"ArgoCdServerSettings {{ Server = {Server}, Token = {(Token is null ? "none" : "***")}, InsecureSkipTlsVerify = {InsecureSkipTlsVerify} }}";
}
