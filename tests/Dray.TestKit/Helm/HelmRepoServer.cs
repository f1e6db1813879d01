using System.Net;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Nginx;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Helm;

/// <summary>
/// A classic (HTTP) Helm chart repository: nginx serving a folder with <c>index.yaml</c> and <c>.tgz</c> charts at
/// <c>http://127.0.0.1:PORT/charts/</c>. Anonymous; <see cref="BasicAuthHelmRepoServer"/> requires Basic auth;
/// <see cref="TlsHelmRepoServer"/> serves HTTPS on 127.0.0.2 with a self-signed certificate.
/// </summary>
public class HelmRepoServer : ServerFixture
{
    private readonly TempDirectory root = new("dray-helm-");
    private readonly List<HelmChart> charts = [];
    private readonly Lock gate = new();
    private NginxServer? nginx;
    private string? location;
    private readonly bool tls;
    private SelfSignedCertificate? certificate;
    private int port;
    private Uri? nginxBase;

    public HelmRepoServer()
        : this(requireBasicAuth: false)
    {
    }

    protected HelmRepoServer(bool requireBasicAuth, bool tls = false)
    {
        this.tls = tls;
        Credentials = requireBasicAuth
            ? new RegistryCredentials("dray", Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant())
            : null;
    }

    /// <summary>The user allowed to read the repository; null when it is open to anyone.</summary>
    public RegistryCredentials? Credentials { get; private set; }

    /// <summary>The self-signed certificate nginx presents; only for a TLS server.</summary>
    public SelfSignedCertificate Certificate
    {
        get
        {
            EnsureAvailable();
            return certificate ?? throw new InvalidOperationException("A plain-HTTP chart repository has no certificate.");
        }
    }

    /// <summary>The clock for <c>created</c> stamps; a test may swap in a FakeTimeProvider.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The repository URL (what <c>helm repo add</c> or a Warehouse's <c>repoURL</c> takes).</summary>
    public Uri RepoUrl
    {
        get
        {
            EnsureAvailable();
            return new Uri(nginxBase!, "charts/");
        }
    }

    public Uri IndexUrl => new(RepoUrl, "index.yaml");

    public string ChartsPath => root.Sub("charts");

    /// <summary>Publishes a chart archive and rewrites index.yaml.</summary>
    public async Task<HelmChart> AddChartAsync(
        string name, string version, string? appVersion = null, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        var created = Time.GetUtcNow();
        var archive = HelmChartBuilder.Build(name, version, appVersion, created);
        var fileName = $"{name}-{version}.tgz";
        await File.WriteAllBytesAsync(Path.Combine(ChartsPath, fileName), archive, cancellationToken);
        var chart = new HelmChart(name, version, appVersion, fileName, Convert.ToHexString(SHA256.HashData(archive)).ToLowerInvariant(), created);
        string index;
        lock (gate)
        {
            charts.Add(chart);
            index = RenderIndex(charts, created);
        }

        // Write then rename, so a reader never sees half an index.
        var temp = Path.Combine(ChartsPath, $".index-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(temp, index, cancellationToken);
        File.Move(temp, Path.Combine(ChartsPath, "index.yaml"), overwrite: true);
        return chart;
    }

    /// <summary>Stops nginx, keeping the charts, to simulate an outage; see <see cref="RestartAsync"/>.</summary>
    public async Task StopServerAsync()
    {
        EnsureAvailable();
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
            nginx = null;
        }
    }

    /// <summary>Starts nginx again on the same port with the same charts.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        nginx ??= await NginxServer.RestartAsync(root.Sub("nginx"), location!, "charts/index.yaml", port, certificate, cancellationToken);
    }

    /// <summary>
    /// Gives the Basic-auth user a new password on the server (nginx reads the htpasswd file on every request), as an
    /// administrator rotating it would; <see cref="Credentials"/> follows.
    /// </summary>
    /// <exception cref="InvalidOperationException">The repository is open to anyone.</exception>
    public async Task ChangePasswordAsync(string password, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        if (Credentials is null)
        {
            throw new InvalidOperationException("An anonymous chart repository has no password file.");
        }

        await Htpasswd.WriteAsync(root.File("htpasswd"), Credentials.Username, password, bcrypt: false, cancellationToken);
        Credentials = Credentials with { Password = password };
    }

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(ChartsPath, "index.yaml"), RenderIndex([], Time.GetUtcNow()), cancellationToken);
        var auth = string.Empty;
        if (Credentials is not null)
        {
            var htpasswd = root.File("htpasswd");
            await Htpasswd.WriteAsync(htpasswd, Credentials.Username, Credentials.Password, bcrypt: false, cancellationToken);
            auth = $"auth_basic \"dray test charts\"; auth_basic_user_file {htpasswd};";
        }

        location = $$"""
                    location /charts/ {
                        {{auth}}
                        alias {{ChartsPath}}/;
                    }
            """;
        if (tls)
        {
            certificate = await SelfSignedCertificate.WriteAsync(root.Path, IPAddress.Parse("127.0.0.2"), cancellationToken);
        }

        nginx = await NginxServer.StartAsync(root.Sub("nginx"), location, "charts/index.yaml", certificate, cancellationToken);
        nginxBase = nginx.BaseUri;
        port = nginx.Port;
    }

    protected override async ValueTask StopAsync()
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }

        root.Dispose();
    }

    private static string RenderIndex(IReadOnlyList<HelmChart> charts, DateTimeOffset generated)
    {
        var yaml = new StringBuilder("apiVersion: v1\n");
        if (charts.Count == 0)
        {
            yaml.Append("entries: {}\n");
        }
        else
        {
            yaml.Append("entries:\n");
            foreach (var group in charts.GroupBy(c => c.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                yaml.Append("  ").Append(group.Key).Append(":\n");
                foreach (var chart in group)
                {
                    yaml.Append("  - apiVersion: v2\n");
                    if (chart.AppVersion is not null)
                    {
                        yaml.Append("    appVersion: \"").Append(chart.AppVersion).Append("\"\n");
                    }

                    yaml.Append("    created: \"").Append(Timestamp(chart.Created)).Append("\"\n")
                        .Append("    description: Dray test chart\n")
                        .Append("    digest: ").Append(chart.Digest).Append('\n')
                        .Append("    name: ").Append(chart.Name).Append('\n')
                        .Append("    type: application\n")
                        .Append("    urls:\n")
                        .Append("    - ").Append(chart.FileName).Append('\n')
                        .Append("    version: ").Append(chart.Version).Append('\n');
                }
            }
        }

        yaml.Append("generated: \"").Append(Timestamp(generated)).Append("\"\n");
        return yaml.ToString();
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
