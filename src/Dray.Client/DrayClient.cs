using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Client.Models;
using Dray.Core.Resources;

namespace Dray.Client;

/// <summary>A typed client for the Dray REST API (<c>docs/api.md</c>). Every failure surfaces as
/// <see cref="DrayApiException"/> (server answered) or <see cref="HttpRequestException"/> (server unreachable).</summary>
public sealed class DrayClient : IDisposable
{
    private readonly HttpClient _http;

    public DrayClient(Uri server, string? token, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri Server { get; }

    /// <summary>Accepts <c>host:port</c> as well as a full URL; a bare address means plain HTTP.</summary>
    public static Uri ParseServer(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"\"{value}\" is not a server address; use http://HOST:PORT or https://HOST");
    }

    public async Task<LoginResult> LoginAsync(string password, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/login", JsonContent.Create(new LoginRequest(password), ClientJsonContext.Default.LoginRequest), ct).ConfigureAwait(false);
        return await ReadAsync(response, ClientJsonContext.Default.LoginResult, ct).ConfigureAwait(false);
    }

    public async Task<ServerVersion> GetVersionAsync(CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, "api/v1/version", null, ct).ConfigureAwait(false);
        return await ReadAsync(response, ClientJsonContext.Default.ServerVersion, ct).ConfigureAwait(false);
    }

    /// <summary>Applies all files in one multipart request, so the server applies all of them or none.</summary>
    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<ManifestFile> files, bool dryRun, string? project, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, ResourcesPath(dryRun, project), Multipart(files), ct).ConfigureAwait(false);
        return await ReadAsync(response, ClientJsonContext.Default.ApplyResult, ct).ConfigureAwait(false);
    }

    public async Task<DeleteResult> DeleteAsync(IReadOnlyList<ManifestFile> files, string? project, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, ResourcesPath(false, project), Multipart(files), ct).ConfigureAwait(false);
        return await ReadAsync(response, ClientJsonContext.Default.DeleteResult, ct).ConfigureAwait(false);
    }

    /// <summary>Lists one page; pass the previous page's <see cref="ResourceList.Continue"/> to get the next.</summary>
    public async Task<ResourceList> ListAsync(ResourceKind kind, string? project, string? continueToken, int? limit, CancellationToken ct)
    {
        var query = new List<string>();
        if (limit is { } l)
        {
            query.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continueToken))
        {
            query.Add("continue=" + Uri.EscapeDataString(continueToken));
        }

        var path = CollectionPath(kind, project) + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        var list = await GetObjectAsync(path, ct).ConfigureAwait(false);
        var items = (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(o => new ResourceDocument((JsonObject)o.DeepClone())).ToList();
        var metadata = list["metadata"] as JsonObject;
        var next = (string?)metadata?["continue"];
        return new ResourceList(items, string.IsNullOrEmpty(next) ? null : next, (string?)metadata?["resourceVersion"]);
    }

    /// <summary>Lists every item, following <c>continue</c> tokens across pages.</summary>
    public async IAsyncEnumerable<ResourceDocument> ListAllAsync(ResourceKind kind, string? project, [EnumeratorCancellation] CancellationToken ct)
    {
        string? next = null;
        do
        {
            var page = await ListAsync(kind, project, next, null, ct).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            next = page.Continue;
        }
        while (next is not null);
    }

    public async Task<ResourceDocument> GetAsync(ResourceKind kind, string? project, string name, CancellationToken ct) =>
        new(await GetObjectAsync(ItemPath(kind, project, name), ct).ConfigureAwait(false));

    public async Task DeleteResourceAsync(ResourceKind kind, string? project, string name, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, ItemPath(kind, project, name), null, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
    }

    public async Task<ResourceDocument> CreateProjectAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/projects", JsonContent.Create(new ProjectRequest(name), ClientJsonContext.Default.ProjectRequest), ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return body.Length == 0 ? new ResourceDocument(new JsonObject { ["kind"] = "Project", ["metadata"] = new JsonObject { ["name"] = name } }) : ResourceDocument.Parse(body);
    }

    public async Task<CreatedToken> CreateTokenAsync(string name, string role, string? project, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/tokens", JsonContent.Create(new TokenRequest(name, role, project), ClientJsonContext.Default.TokenRequest), ct).ConfigureAwait(false);
        return await ReadAsync(response, ClientJsonContext.Default.CreatedToken, ct).ConfigureAwait(false);
    }

    /// <summary>Streams change events until the server closes the stream or <paramref name="ct"/> fires.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        string? project, ResourceKind? kind, string? resourceVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = new List<string>();
        if (project is not null)
        {
            query.Add("project=" + Uri.EscapeDataString(project));
        }

        if (kind is not null)
        {
            query.Add("kind=" + Uri.EscapeDataString(kind.Kind));
        }

        if (resourceVersion is not null)
        {
            query.Add("resourceVersion=" + Uri.EscapeDataString(resourceVersion));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/watch" + (query.Count == 0 ? "" : "?" + string.Join('&', query)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await foreach (var message in SseReader.ReadAsync(reader, ct).ConfigureAwait(false))
            {
                if (JsonNode.Parse(message.Data) is JsonObject document)
                {
                    yield return new WatchEvent(message.Event, message.Id, new ResourceDocument(document));
                }
            }
        }
    }

    public void Dispose() => _http.Dispose();

    internal static string CollectionPath(ResourceKind kind, string? project)
    {
        if (!kind.Namespaced)
        {
            return "api/v1/" + kind.Plural;
        }

        if (string.IsNullOrEmpty(project))
        {
            throw new ArgumentException($"{kind.Plural} live in a project; a project name is required", nameof(project));
        }

        return $"api/v1/projects/{Uri.EscapeDataString(project)}/{kind.Plural}";
    }

    internal static string ItemPath(ResourceKind kind, string? project, string name) =>
        CollectionPath(kind, project) + "/" + Uri.EscapeDataString(name);

    private static string ResourcesPath(bool dryRun, string? project)
    {
        var query = new List<string>();
        if (dryRun)
        {
            query.Add("dryRun=true");
        }

        if (!string.IsNullOrEmpty(project))
        {
            query.Add("project=" + Uri.EscapeDataString(project));
        }

        return "api/v1/resources" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private static MultipartFormDataContent Multipart(IReadOnlyList<ManifestFile> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new StringContent(file.Content, Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.MediaType) { CharSet = "utf-8" };
            content.Add(part, "file", file.Name);
        }

        return content;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        return await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, completion, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new DrayConnectionException(Server, ex);
        }
    }

    /// <summary>Sends a JSON body (or none) and returns the body of a successful answer; failures throw like every call.</summary>
    internal async Task<string> SendRawAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, body is null ? null : DrayActionClient.Json(body), ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
    }

    private async Task<JsonObject> GetObjectAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return JsonNode.Parse(body) as JsonObject ?? throw new DrayApiException($"the server answered {path} with something other than a JSON object");
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new DrayApiException("the server sent an empty answer");
        }
        catch (JsonException ex)
        {
            throw new DrayApiException("the server sent an answer this client cannot read: " + ex.Message, ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemReader.ReadAsync(response, ct).ConfigureAwait(false);
        }
    }
}
