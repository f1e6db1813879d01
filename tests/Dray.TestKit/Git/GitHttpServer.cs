using System.Net;
using System.Security.Cryptography;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Nginx;

namespace Dray.TestKit.Git;

/// <summary>
/// A real git smart-HTTP server: nginx with Basic auth in front of <c>git http-backend</c> (through fcgiwrap),
/// serving bare repositories at <c>http://127.0.0.1:PORT/git/NAME.git</c> (<see cref="TlsGitHttpServer"/>: HTTPS on 127.0.0.2).
/// </summary>
public class GitHttpServer : ServerFixture
{
    private const string HttpBackend = "/usr/lib/git-core/git-http-backend";
    private readonly TempDirectory root = new("dray-git-");
    private ServerProcess? fcgiwrap;
    private NginxServer? nginx;
    private string? location;
    private readonly bool tls;
    private SelfSignedCertificate? certificate;
    private int port;

    public GitHttpServer()
        : this(tls: false)
    {
    }

    /// <param name="tls">Serve HTTPS on 127.0.0.2 with a self-signed <see cref="Certificate"/>.</param>
    protected GitHttpServer(bool tls) => this.tls = tls;

    /// <summary>The self-signed certificate nginx presents; only for a TLS server.</summary>
    public SelfSignedCertificate Certificate
    {
        get
        {
            EnsureAvailable();
            return certificate ?? throw new InvalidOperationException("A plain-HTTP git server has no certificate.");
        }
    }

    public string Username { get; } = "dray";

    public string Password { get; private set; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public Uri BaseUri
    {
        get
        {
            EnsureAvailable();
            return nginx!.BaseUri;
        }
    }

    /// <summary>Where the bare repositories live on disk.</summary>
    public string RepositoriesPath => root.Sub("repos");

    /// <summary>Environment that authenticates git commands as <see cref="Username"/> (and, over TLS, trusts <see cref="Certificate"/>).</summary>
    public IReadOnlyDictionary<string, string?> Credentials
    {
        get
        {
            var environment = GitCli.BasicAuthEnvironment(Username, Password);
            return certificate is null
                ? environment
                : new Dictionary<string, string?>(environment) { ["GIT_SSL_CAINFO"] = certificate.CertificatePath };
        }
    }

    public string RepoUrl(string name) => new Uri(BaseUri, $"git/{name}.git").ToString();

    public string RepoPath(string name) => Path.Combine(RepositoriesPath, $"{name}.git");

    /// <summary>Creates an empty bare repository that accepts pushes; returns its URL.</summary>
    /// <exception cref="InvalidOperationException">A repository with that name exists (the server is shared by a test class).</exception>
    public async Task<string> CreateBareRepoAsync(string name, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        var path = RepoPath(name);
        if (Directory.Exists(path))
        {
            throw new InvalidOperationException($"Repository '{name}' already exists on this server; use a unique name per test.");
        }

        Directory.CreateDirectory(path);
        await GitCli.RunCheckedAsync(path, null, ["init", "--bare", "--initial-branch=main", "--quiet"], cancellationToken);
        await GitCli.RunCheckedAsync(path, null, ["config", "http.receivepack", "true"], cancellationToken);
        return RepoUrl(name);
    }

    /// <summary>
    /// Creates repository <paramref name="name"/> and pushes the files of <paramref name="sourceDir"/> to
    /// <paramref name="branch"/> as one commit, over HTTP with the server's credentials. Returns the commit id.
    /// </summary>
    public async Task<string> SeedRepoAsync(
        string name, string sourceDir, string branch = "main", CancellationToken cancellationToken = default)
    {
        var url = await CreateBareRepoAsync(name, cancellationToken);
        using var work = new TempDirectory("dray-git-seed-");
        CopyTree(sourceDir, work.Path);
        await GitCli.RunCheckedAsync(work.Path, null, ["init", "--quiet", $"--initial-branch={branch}"], cancellationToken);
        await GitCli.RunCheckedAsync(work.Path, null, ["add", "--all"], cancellationToken);
        await GitCli.RunCheckedAsync(work.Path, null, ["commit", "--quiet", "--allow-empty", "-m", $"Seed {name}"], cancellationToken);
        await GitCli.RunCheckedAsync(work.Path, Credentials, ["push", "--quiet", url, $"HEAD:refs/heads/{branch}"], cancellationToken);
        return await GitCli.OutputAsync(work.Path, ["rev-parse", "HEAD"], cancellationToken);
    }

    /// <summary>The port nginx listens on, which a restart keeps.</summary>
    public int Port
    {
        get
        {
            EnsureAvailable();
            return port;
        }
    }

    /// <summary>Stops nginx, keeping the repositories, to simulate an outage; see <see cref="RestartAsync"/>.</summary>
    public async Task StopServerAsync()
    {
        EnsureAvailable();
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
            nginx = null;
        }
    }

    /// <summary>Starts nginx again on the same port with the same repositories and users.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        nginx ??= await NginxServer.RestartAsync(root.Sub("nginx"), location!, "git/", port, certificate, cancellationToken);
    }

    /// <summary>
    /// Gives <see cref="Username"/> a new password on the server (nginx reads the htpasswd file on every request),
    /// as an administrator rotating it would; <see cref="Password"/> and <see cref="Credentials"/> follow.
    /// </summary>
    public async Task ChangePasswordAsync(string password, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        await Htpasswd.WriteAsync(root.File("htpasswd"), Username, password, bcrypt: false, cancellationToken);
        Password = password;
    }

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        var fcgiwrapBinary = HostBinary.Find("fcgiwrap", "fcgiwrap");
        HostBinary.FindFile("git-http-backend", "git", HttpBackend);
        var fastcgiParams = HostBinary.FindFile("/etc/nginx/fastcgi_params", "nginx-light", "/etc/nginx/fastcgi_params");
        var htpasswd = root.File("htpasswd");
        await Htpasswd.WriteAsync(htpasswd, Username, Password, bcrypt: false, cancellationToken);
        Directory.CreateDirectory(RepositoriesPath);

        var socket = root.File("fcgiwrap.sock");
        fcgiwrap = ServerProcess.Start("fcgiwrap", fcgiwrapBinary, ["-c", "4", "-s", $"unix:{socket}"]);
        await Readiness.WaitForFileAsync(fcgiwrap, socket, cancellationToken);

        location = $$"""
                    location ~ ^/git(/.*)$ {
                        auth_basic "dray test git";
                        auth_basic_user_file {{htpasswd}};
                        include {{fastcgiParams}};
                        fastcgi_param SCRIPT_FILENAME {{HttpBackend}};
                        fastcgi_param GIT_PROJECT_ROOT {{RepositoriesPath}};
                        fastcgi_param GIT_HTTP_EXPORT_ALL "";
                        fastcgi_param PATH_INFO $1;
                        fastcgi_param REMOTE_USER $remote_user;
                        fastcgi_pass unix:{{socket}};
                    }
            """;
        if (tls)
        {
            certificate = await SelfSignedCertificate.WriteAsync(root.Path, IPAddress.Parse("127.0.0.2"), cancellationToken);
        }

        nginx = await NginxServer.StartAsync(root.Sub("nginx"), location, "git/", certificate, cancellationToken);
        port = nginx.Port;
    }

    protected override async ValueTask StopAsync()
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }

        if (fcgiwrap is not null)
        {
            await fcgiwrap.DisposeAsync();
        }

        root.Dispose();
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, dir);
            if (relative == ".git" || relative.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.Combine(target, relative));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            File.Copy(file, Path.Combine(target, relative), overwrite: true);
        }
    }
}
