using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Oci;

/// <summary>
/// A token endpoint for the distribution token-auth flow (specs/oci/auth/token.md), on 127.0.0.1. The one known user
/// gets every action it asks for; an anonymous caller gets a token with no access; a wrong password gets 401.
/// Tokens are RS256 JWTs signed with a self-signed certificate made in-process.
/// </summary>
public sealed class RegistryTokenIssuer : IAsyncDisposable
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);
    private readonly RSA key;
    private readonly X509Certificate2 certificate;
    private readonly RegistryCredentials credentials;
    private readonly TimeProvider time;
    private readonly LoopbackHttpServer server;
    private int issued;
    private int rejected;

    public RegistryTokenIssuer(RegistryCredentials credentials, string service, string issuer, TimeProvider time)
    {
        this.credentials = credentials;
        this.time = time;
        Service = service;
        Issuer = issuer;
        key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={issuer}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = time.GetUtcNow();
        certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        server = LoopbackHttpServer.Start(HandleAsync);
    }

    public string Service { get; }

    public string Issuer { get; }

    /// <summary>The token endpoint (the registry's <c>auth.token.realm</c>).</summary>
    public Uri Realm => new(server.BaseUri, "token");

    /// <summary>The signing certificate in PEM, for the registry's <c>rootcertbundle</c>.</summary>
    public string CertificatePem => certificate.ExportCertificatePem();

    /// <summary>How many tokens were handed out (tests of token caching count these).</summary>
    public int TokensIssued => Volatile.Read(ref issued);

    /// <summary>How many requests were turned away with 401.</summary>
    public int Rejections => Volatile.Read(ref rejected);

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        certificate.Dispose();
        key.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        if (context.Request.Url?.AbsolutePath != "/token")
        {
            await LoopbackHttpServer.RespondAsync(context, 404, "text/plain", "not found");
            return;
        }

        var subject = Authenticate(context.Request.Headers["Authorization"]);
        if (subject is null)
        {
            Interlocked.Increment(ref rejected);
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"dray-test-token\"");
            await LoopbackHttpServer.RespondAsync(context, 401, "application/json", """{"details":"invalid credentials"}""");
            return;
        }

        var access = new JsonArray();
        var scopes = context.Request.QueryString.GetValues("scope") ?? [];
        foreach (var scope in scopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (subject.Length > 0 && TryParseScope(scope, out var type, out var name, out var actions))
            {
                access.Add(new JsonObject { ["type"] = type, ["name"] = name, ["actions"] = new JsonArray(actions.Select(a => (JsonNode?)a).ToArray()) });
            }
        }

        var now = time.GetUtcNow();
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["sub"] = subject,
            ["aud"] = context.Request.QueryString["service"] ?? Service,
            ["exp"] = now.Add(TokenLifetime).ToUnixTimeSeconds(),
            ["nbf"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["access"] = access,
        };
        var token = RegistryJwt.Sign(certificate, key, claims);
        Interlocked.Increment(ref issued);
        var body = new JsonObject
        {
            ["token"] = token,
            ["access_token"] = token,
            ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["issued_at"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        await LoopbackHttpServer.RespondAsync(context, 200, "application/json", body.ToJsonString());
    }

    /// <summary>The subject: the user name, "" for anonymous, or null for wrong credentials.</summary>
    private string? Authenticate(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return string.Empty;
        }

        const string prefix = "Basic ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[prefix.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        return decoded == $"{credentials.Username}:{credentials.Password}" ? credentials.Username : null;
    }

    private static bool TryParseScope(string scope, out string type, out string name, out string[] actions)
    {
        // type:name:actions, where name may itself contain ':' (a registry host with a port).
        var first = scope.IndexOf(':', StringComparison.Ordinal);
        var last = scope.LastIndexOf(':');
        if (first <= 0 || last <= first)
        {
            (type, name, actions) = (string.Empty, string.Empty, []);
            return false;
        }

        type = scope[..first];
        name = scope[(first + 1)..last];
        actions = scope[(last + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return true;
    }
}
