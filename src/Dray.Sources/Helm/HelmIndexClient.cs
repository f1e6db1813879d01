using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Dray.Sources.Helm;

/// <summary>Downloads and parses the <c>index.yaml</c> of a classic (HTTP/S) chart repository.</summary>
public sealed class HelmIndexClient(HttpClient http)
{
    /// <exception cref="HelmException">The index is missing, refused, unreachable or malformed.</exception>
    public async Task<HelmIndex> GetIndexAsync(Uri repoUrl, HelmCredential? credential, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
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
                throw new HelmException(
                    HelmErrorKind.AuthenticationFailed,
                    $"authentication failed for {repoUrl} (HTTP {(int)response.StatusCode})");
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
}
