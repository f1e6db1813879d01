using System.Text.RegularExpressions;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb + postgres) in a temp dir on 127.0.0.1, trust auth for user
/// <c>postgres</c>. When the tests run as root the server runs as the <c>postgres</c> system user, since PostgreSQL
/// refuses to run as root.
/// </summary>
public sealed partial class PostgresServer : ServerFixture
{
    private const int MaxAttempts = 3;
    private readonly TempDirectory root = new("dray-pg-");
    private ServerProcess? postgres;
    private string binDir = string.Empty;
    private int port;

    public int Port
    {
        get
        {
            EnsureAvailable();
            return port;
        }
    }

    /// <summary>An Npgsql connection string for the <c>postgres</c> database.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    /// <summary>Creates an empty database (one per test class keeps tests independent); returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException("Use lower-case letters, digits and underscores.", nameof(name));
        }

        await PsqlAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Runs SQL through psql against the <c>postgres</c> database; returns its unaligned output.</summary>
    public async Task<string> PsqlAsync(string sql, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        var result = await ProcessRunner.RunCheckedAsync(
            Path.Combine(binDir, "psql"),
            ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", $"{port}", "-U", "postgres", "-d", "postgres", "-c", sql],
            cancellationToken);
        return result.StandardOutput.Trim();
    }

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        binDir = FindBinDir();
        var data = Path.Combine(root.Path, "data");
        var sockets = Path.Combine(root.Path, "sockets");
        Directory.CreateDirectory(sockets);
        if (TestEnvironment.IsRoot)
        {
            await GiveToPostgresUserAsync(cancellationToken);
        }

        await RunAsPostgresCheckedAsync(
            Path.Combine(binDir, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            port = FreePort.Next();
            var (file, args) = AsPostgresUser(Path.Combine(binDir, "postgres"),
            [
                "-D", data, "-p", $"{port}", "-k", sockets, "-c", "listen_addresses=127.0.0.1",
                // Durability is not under test here; these make each test database cheap.
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            ]);
            postgres = ServerProcess.Start("postgres", file, args);
            try
            {
                await Readiness.WaitUntilAsync(postgres, $"postgres on port {port}", IsReadyAsync, cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < MaxAttempts && postgres.HasExited)
            {
                await postgres.DisposeAsync();
                postgres = null;
            }
        }
    }

    protected override async ValueTask StopAsync()
    {
        if (postgres is not null)
        {
            if (!postgres.HasExited)
            {
                // A fast shutdown releases shared memory cleanly; the kill below is only the fallback.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await RunAsPostgresAsync(
                        Path.Combine(binDir, "pg_ctl"), ["stop", "-D", Path.Combine(root.Path, "data"), "-m", "fast", "-w", "-t", "15"], timeout.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException)
                {
                    // Fall through to killing the process tree.
                }
            }

            await postgres.DisposeAsync();
        }

        root.Dispose();
    }

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            Path.Combine(binDir, "pg_isready"), ["-q", "-h", "127.0.0.1", "-p", $"{port}", "-U", "postgres"], cancellationToken);
        return result.Succeeded;
    }

    private static string FindBinDir()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .ToList()
            : [];
        return candidates.Count > 0 ? candidates[0] : throw InfraMissingException.For("/usr/lib/postgresql/*/bin/initdb", "postgresql");
    }

    private async Task GiveToPostgresUserAsync(CancellationToken cancellationToken)
    {
        HostBinary.Find("runuser", "util-linux");
        var id = await ProcessRunner.RunAsync("id", ["-u", "postgres"], cancellationToken);
        if (!id.Succeeded)
        {
            throw InfraMissingException.For("the postgres system user", "postgresql");
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        await ProcessRunner.RunCheckedAsync("chown", ["-R", "postgres:postgres", root.Path], cancellationToken);
    }

    private Task<ProcessResult> RunAsPostgresAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var (f, a) = AsPostgresUser(file, args);
        return ProcessRunner.RunAsync(f, a, new ProcessOptions { WorkingDirectory = root.Path }, cancellationToken);
    }

    private async Task RunAsPostgresCheckedAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var result = await RunAsPostgresAsync(file, args, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProcessFailedException(result);
        }
    }

    private static (string File, string[] Args) AsPostgresUser(string file, string[] args) =>
        TestEnvironment.IsRoot ? ("runuser", ["-u", "postgres", "--", file, .. args]) : (file, args);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
