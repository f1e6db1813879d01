using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Dray.Sources.Helm;

/// <summary>Downloads and parses the <c>index.yaml</c> of a classic (HTTP/S) chart repository.</summary>
public sealed class HelmIndexClient
{
    public const string HttpClientName = "dray-helm";
    public const string InsecureHttpClientName = "dray-helm-insecure";

    private readonly Func<bool, HttpClient?> _clients;

    /// <summary>Uses <paramref name="http"/>, and <paramref name="insecureHttp"/> (if given) for <c>insecureSkipTLSVerify</c>.</summary>
    public HelmIndexClient(HttpClient http, HttpClient? insecureHttp = null) => _clients = insecure => insecure ? insecureHttp : http;

    /// <summary>Uses the named clients <see cref="HttpClientName"/> and <see cref="InsecureHttpClientName"/>.</summary>
    public HelmIndexClient(IHttpClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _clients = insecure => factory.CreateClient(insecure ? InsecureHttpClientName : HttpClientName);
    }

    /// <exception cref="HelmException">The index is missing, refused, unreachable or malformed.</exception>
    public Task<HelmIndex> GetIndexAsync(Uri repoUrl, HelmCredential? credential, CancellationToken ct) =>
        GetIndexAsync(repoUrl, credential, insecureSkipTlsVerify: false, ct);

    /// <exception cref="HelmException">The index is missing, refused, unreachable or malformed, or its certificate is not trusted.</exception>
    public async Task<HelmIndex> GetIndexAsync(Uri repoUrl, HelmCredential? credential, bool insecureSkipTlsVerify, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
        var http = _clients(insecureSkipTlsVerify)
            ?? throw new HelmException(HelmErrorKind.Other, "insecureSkipTLSVerify is not available: no client that skips TLS verification is configured");
        var indexUrl = new Uri(repoUrl.AbsoluteUri.TrimEnd('/') + "/index.yaml");
        using var request = new HttpRequestMessage(HttpMethod.Get, indexUrl);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (UntrustedCertificate.Reason(e) is { } reason)
        {
            throw new HelmException(
                HelmErrorKind.UntrustedCertificate,
                $"chart repository {repoUrl} presented a TLS certificate that is not trusted ({reason}): {UntrustedCertificate.Remedy}",
                e);
        }
        catch (HttpRequestException e)
        {
            throw new HelmException(HelmErrorKind.ConnectionFailed, $"could not connect to {repoUrl}: the chart repository is unreachable ({e.Message})", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new HelmException(HelmErrorKind.ConnectionFailed, $"could not connect to {repoUrl}: the chart repository did not answer in time", e);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new HelmException(HelmErrorKind.AuthenticationFailed, $"authentication failed for {repoUrl}: {Refusal(response.StatusCode, credential)}");
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new HelmException(HelmErrorKind.RepositoryNotFound, $"chart repository not found: {indexUrl} answered HTTP 404 Not Found");
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new HelmException(
                    status >= 500 ? HelmErrorKind.ServerError : HelmErrorKind.Other,
                    status >= 500
                        ? $"chart repository {repoUrl} answered {HttpStatusText.Describe(status)} for index.yaml: {HttpStatusText.ServerSide(status)}"
                        : $"fetching {indexUrl} failed: {HttpStatusText.Describe(status)}");
            }

            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            return HelmIndexParser.Parse(text, repoUrl);
        }
    }

    // The same words as a git server's refusal (GitErrors), so a rotated password reads alike for every source.
    private static string Refusal(HttpStatusCode status, HelmCredential? credential) => status switch
    {
        HttpStatusCode.Forbidden => $"the chart repository denied access ({HttpStatusText.Describe(status)})",
        _ when credential is null => "the chart repository requires credentials and none were given",
        _ => "the chart repository rejected the credentials",
    };
}
