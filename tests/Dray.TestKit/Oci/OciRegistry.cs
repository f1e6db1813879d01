using System.Net;
using System.Security.Cryptography;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Nginx;

namespace Dray.TestKit.Oci;

/// <summary>
/// A real OCI registry (Debian's <c>docker-registry</c>, distribution 2.x) on 127.0.0.1 over plain HTTP, anonymous or
/// with Basic or token auth, or on 127.0.0.2 over HTTPS with a self-signed certificate. Use
/// <see cref="AnonymousOciRegistry"/>, <see cref="BasicAuthOciRegistry"/>, <see cref="TokenAuthOciRegistry"/> or
/// <see cref="TlsOciRegistry"/> as xunit fixtures.
/// </summary>
public abstract class OciRegistry : ServerFixture
{
    private const int MaxAttempts = 3;
    private readonly TempDirectory root = new("dray-registry-");
    private ServerProcess? registry;
    private RegistryTokenIssuer? tokenIssuer;
    private readonly bool tls;
    private SelfSignedCertificate? certificate;
    private int port;

    /// <param name="mode">How clients authenticate.</param>
    /// <param name="tls">
    /// Serve HTTPS on 127.0.0.2 with a self-signed certificate (Dray treats every host but localhost, 127.0.0.1 and
    /// ::1 as HTTPS, and Linux routes all of 127.0.0.0/8 to the loopback interface).
    /// </param>
    protected OciRegistry(OciRegistryAuthMode mode, bool tls = false)
    {
        Mode = mode;
        this.tls = tls;
        Credentials = mode == OciRegistryAuthMode.Anonymous
            ? null
            : new RegistryCredentials("dray", Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant());
    }

    public OciRegistryAuthMode Mode { get; }

    /// <summary>The user that may push and pull; null for an anonymous registry.</summary>
    public RegistryCredentials? Credentials { get; private set; }

    /// <summary><c>127.0.0.1:PORT</c> (<c>127.0.0.2:PORT</c> with TLS), the registry part of an image reference.</summary>
    public string Host
    {
        get
        {
            EnsureAvailable();
            return $"{Address}:{port}";
        }
    }

    public Uri BaseUri => new($"{(tls ? "https" : "http")}://{Host}/");

    /// <summary>The self-signed certificate the registry presents; only for a TLS registry.</summary>
    public SelfSignedCertificate Certificate
    {
        get
        {
            EnsureAvailable();
            return certificate ?? throw new InvalidOperationException("A plain-HTTP registry has no certificate.");
        }
    }

    private IPAddress Address => tls ? IPAddress.Parse("127.0.0.2") : IPAddress.Loopback;

    /// <summary>The token endpoint in <see cref="OciRegistryAuthMode.Token"/> mode.</summary>
    public RegistryTokenIssuer TokenIssuer
    {
        get
        {
            EnsureAvailable();
            return tokenIssuer ?? throw new InvalidOperationException($"A {Mode} registry has no token issuer.");
        }
    }

    /// <summary><c>127.0.0.1:PORT/REPOSITORY:TAG</c>.</summary>
    public string Reference(string repository, string tag) => $"{Host}/{repository}:{tag}";

    /// <summary>Pushes an OCI layout to <paramref name="reference"/> with this registry's credentials.</summary>
    /// <exception cref="ProcessFailedException">skopeo failed.</exception>
    public async Task PushAsync(string layoutDir, string reference, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        var result = await Skopeo.CopyAsync(layoutDir, reference, Credentials, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProcessFailedException(result);
        }
    }

    /// <summary>Builds an image from <paramref name="spec"/> and pushes it as REPOSITORY:TAG; returns the layout.</summary>
    public async Task<OciLayout> PushImageAsync(
        string repository, string tag, OciImageSpec spec, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        var layoutDir = root.Sub("layouts", $"{repository.Replace('/', '_')}-{tag}-{Guid.NewGuid():N}");
        var layout = await OciImageBuilder.WriteAsync(layoutDir, spec, cancellationToken);
        await PushAsync(layoutDir, Reference(repository, tag), cancellationToken);
        return layout;
    }

    public Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        return Skopeo.TagsAsync($"{Host}/{repository}", Credentials, cancellationToken);
    }

    /// <summary>The registry's filesystem storage (<c>storage.filesystem.rootdirectory</c>), for benchmarks that write tags directly.</summary>
    public string StorageDirectory
    {
        get
        {
            EnsureAvailable();
            return root.Sub("storage");
        }
    }

    /// <summary>Stops the registry process, keeping its storage, to simulate an outage; see <see cref="RestartAsync"/>.</summary>
    public async Task StopServerAsync()
    {
        EnsureAvailable();
        if (registry is not null)
        {
            await registry.DisposeAsync();
            registry = null;
        }
    }

    /// <summary>Starts the registry again on the same port with the same storage and configuration.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        if (registry is not null)
        {
            return;
        }

        var binary = HostBinary.Find("docker-registry", "docker-registry");
        registry = ServerProcess.Start("docker-registry", binary, ["serve", root.File("config.yml")]);
        await WaitForReadyAsync(registry, cancellationToken);
    }

    /// <summary>
    /// Gives the Basic-auth user a new password by rewriting the htpasswd file, as an administrator rotating it would,
    /// while the registry runs (it reads the file again when it changes). <see cref="Credentials"/> follows.
    /// </summary>
    public async Task ChangePasswordAsync(string password, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        if (Mode != OciRegistryAuthMode.Basic)
        {
            throw new InvalidOperationException($"Only a Basic-auth registry has a password file; this one is {Mode}.");
        }

        Credentials = Credentials! with { Password = password };
        await Htpasswd.WriteAsync(root.File("htpasswd"), Credentials.Username, password, bcrypt: true, cancellationToken);
    }

    public string Diagnostics() => registry?.Diagnostics() ?? "registry not started";

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        var binary = HostBinary.Find("docker-registry", "docker-registry");
        HostBinary.Find("skopeo", "skopeo");
        var auth = await WriteAuthConfigAsync(cancellationToken);
        if (tls)
        {
            certificate = await SelfSignedCertificate.WriteAsync(root.Path, Address, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            port = FreePort.Next(Address);
            var config = root.File("config.yml");
            await File.WriteAllTextAsync(config, RenderConfig(auth), cancellationToken);
            registry = ServerProcess.Start("docker-registry", binary, ["serve", config]);
            try
            {
                await WaitForReadyAsync(registry, cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < MaxAttempts && registry.HasExited)
            {
                // Most likely the port was taken between probing and binding.
                await registry.DisposeAsync();
                registry = null;
            }
        }
    }

    protected override async ValueTask StopAsync()
    {
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }

        if (tokenIssuer is not null)
        {
            await tokenIssuer.DisposeAsync();
        }

        root.Dispose();
    }

    private Task WaitForReadyAsync(ServerProcess process, CancellationToken cancellationToken)
    {
        static bool IsReady(HttpStatusCode status) => status is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
        var url = new Uri(BaseUri, "v2/");
        return certificate is null
            ? Readiness.WaitForHttpAsync(process, url, IsReady, cancellationToken)
            : Readiness.WaitForHttpsAsync(process, url, certificate, IsReady, cancellationToken);
    }

    private async Task<string> WriteAuthConfigAsync(CancellationToken cancellationToken)
    {
        switch (Mode)
        {
            case OciRegistryAuthMode.Basic:
                var htpasswd = root.File("htpasswd");
                await Htpasswd.WriteAsync(htpasswd, Credentials!.Username, Credentials.Password, bcrypt: true, cancellationToken);
                return $"""
                    auth:
                      htpasswd:
                        realm: dray-test-registry
                        path: {htpasswd}
                    """;
            case OciRegistryAuthMode.Token:
                tokenIssuer = new RegistryTokenIssuer(Credentials!, "dray-test-registry", "dray-test-issuer", TimeProvider.System);
                var bundle = root.File("token-ca.pem");
                await File.WriteAllTextAsync(bundle, tokenIssuer.CertificatePem, cancellationToken);
                return $"""
                    auth:
                      token:
                        realm: {tokenIssuer.Realm}
                        service: {tokenIssuer.Service}
                        issuer: {tokenIssuer.Issuer}
                        rootcertbundle: {bundle}
                    """;
            default:
                return string.Empty;
        }
    }

    private string RenderConfig(string auth) => $"""
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          cache:
            blobdescriptor: inmemory
          filesystem:
            rootdirectory: {root.Sub("storage")}
          delete:
            enabled: true
        http:
          addr: {Address}:{port}
          secret: {Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}
        {TlsConfig()}
        {auth}
        """;

    private string TlsConfig() => certificate is null ? string.Empty : $"""
          tls:
            certificate: {certificate.CertificatePath}
            key: {certificate.KeyPath}
        """;
}
