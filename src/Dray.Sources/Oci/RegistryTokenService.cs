using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Dray.Sources.Oci;

/// <summary>Fetches pull tokens from the realm a Bearer challenge names (distribution token spec) and caches them.</summary>
internal sealed partial class RegistryTokenService
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    private readonly RegistryTransport _transport;
    private readonly RegistryTokenCache _cache;
    private readonly OciRegistryClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public RegistryTokenService(
        RegistryTransport transport,
        RegistryTokenCache cache,
        OciRegistryClientOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _transport = transport;
        _cache = cache;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<string> GetTokenAsync(
        AuthChallenge challenge,
        RegistryConnection connection,
        bool forceNew,
        CancellationToken cancellationToken)
    {
        var image = connection.Image;
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || (realm.Scheme != Uri.UriSchemeHttps && realm.Scheme != Uri.UriSchemeHttp))
        {
            throw new RegistryException($"registry {image.Registry} sent a Bearer challenge without a usable realm");
        }

        var scope = $"repository:{image.Repository}:pull";
        var service = challenge.Service ?? realm.Authority;
        var key = RegistryTokenCache.Key(realm.GetLeftPart(UriPartial.Path) + "|" + service, connection.Credential, scope);
        if (!forceNew && _cache.TryGet(key, out var cached))
        {
            return cached;
        }

        _cache.Remove(key);
        var query = $"service={Uri.EscapeDataString(service)}&scope={Uri.EscapeDataString(scope)}";
        var uri = new UriBuilder(realm) { Query = string.IsNullOrEmpty(realm.Query) ? query : realm.Query.TrimStart('?') + "&" + query }.Uri;
        var request = new RegistryRequest(connection, HttpMethod.Get, uri, ["application/json"], $"a token for {image.Repository}");
        var basic = connection.Credential is { } credential ? new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue()) : null;

        using var response = await _transport.SendRawAsync(connection, realm.Authority, request, basic, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthenticationException(connection.Credential is null
                ? $"registry {image.Registry} requires credentials for {image.Repository}"
                : $"registry {image.Registry} rejected the credentials for {image.Repository}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException($"token service of registry {image.Registry} answered {(int)response.StatusCode} for {image.Repository}")
            {
                IsTransient = (int)response.StatusCode >= 500,
            };
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (token, expiresAt) = ParseTokenResponse(body, _timeProvider.GetUtcNow(), image.Registry);
        _cache.Put(key, token, expiresAt - _options.TokenExpirySkew);
        LogTokenFetched(_logger, image.Registry, scope, expiresAt);
        return token;
    }

    internal static (string Token, DateTimeOffset ExpiresAt) ParseTokenResponse(ReadOnlySpan<byte> body, DateTimeOffset now, string registry)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var token = StringProperty(root, "token") ?? StringProperty(root, "access_token");
            if (string.IsNullOrEmpty(token))
            {
                throw new RegistryException($"token service of registry {registry} returned no token");
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultLifetime;
            var issuedAt = DateTimeOffset.TryParse(StringProperty(root, "issued_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued)
                ? issued
                : now;
            return (token, issuedAt + lifetime);
        }
        catch (JsonException ex)
        {
            throw new RegistryException($"token service of registry {registry} returned invalid JSON", ex);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Fetched a token from registry {Registry} for {Scope}, valid until {ExpiresAt}")]
    private static partial void LogTokenFetched(ILogger logger, string registry, string scope, DateTimeOffset expiresAt);
}
