using System.Net;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Nginx;

/// <summary>
/// An nginx master process on 127.0.0.1 (plain HTTP) or 127.0.0.2 (HTTPS with a <see cref="SelfSignedCertificate"/>),
/// with its config, pid and temp paths inside <c>workDir</c>. Callers supply the body of the single <c>server { }</c> block.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private const int MaxAttempts = 3;
    private static readonly IPAddress TlsAddress = IPAddress.Parse("127.0.0.2");
    private readonly ServerProcess process;

    private NginxServer(ServerProcess process, int port, SelfSignedCertificate? tls)
    {
        this.process = process;
        Port = port;
        BaseUri = new Uri(tls is null ? $"http://127.0.0.1:{port}/" : $"https://{TlsAddress}:{port}/");
    }

    public int Port { get; }

    public Uri BaseUri { get; }

    public string Diagnostics() => process.Diagnostics();

    /// <summary>Starts nginx and waits until it answers <paramref name="readinessPath"/> with any status.</summary>
    public static Task<NginxServer> StartAsync(
        string workDir, string serverBody, string readinessPath, CancellationToken cancellationToken) =>
        StartCoreAsync(workDir, serverBody, readinessPath, null, null, cancellationToken);

    /// <summary>Starts nginx on 127.0.0.2 over HTTPS with <paramref name="tls"/> when it is given, else as <see cref="StartAsync(string, string, string, CancellationToken)"/>.</summary>
    public static Task<NginxServer> StartAsync(
        string workDir, string serverBody, string readinessPath, SelfSignedCertificate? tls, CancellationToken cancellationToken) =>
        StartCoreAsync(workDir, serverBody, readinessPath, null, tls, cancellationToken);

    /// <summary>Starts nginx again on the <paramref name="port"/> an earlier instance had, to end a simulated outage.</summary>
    public static Task<NginxServer> RestartAsync(
        string workDir, string serverBody, string readinessPath, int port, CancellationToken cancellationToken) =>
        StartCoreAsync(workDir, serverBody, readinessPath, port, null, cancellationToken);

    /// <summary>As <see cref="RestartAsync(string, string, string, int, CancellationToken)"/>, over HTTPS when <paramref name="tls"/> is given.</summary>
    public static Task<NginxServer> RestartAsync(
        string workDir, string serverBody, string readinessPath, int port, SelfSignedCertificate? tls, CancellationToken cancellationToken) =>
        StartCoreAsync(workDir, serverBody, readinessPath, port, tls, cancellationToken);

    private static async Task<NginxServer> StartCoreAsync(
        string workDir, string serverBody, string readinessPath, int? fixedPort, SelfSignedCertificate? tls, CancellationToken cancellationToken)
    {
        var nginx = HostBinary.Find("nginx", "nginx-light");
        for (var attempt = 1; ; attempt++)
        {
            var port = fixedPort ?? (tls is null ? FreePort.Next() : FreePort.Next(TlsAddress));
            var config = Path.Combine(workDir, "nginx.conf");
            await File.WriteAllTextAsync(config, RenderConfig(workDir, port, serverBody, tls), cancellationToken);
            var process = ServerProcess.Start("nginx", nginx, ["-e", "stderr", "-p", workDir, "-c", config]);
            var server = new NginxServer(process, port, tls);
            try
            {
                var url = new Uri(server.BaseUri, readinessPath);
                await (tls is null
                    ? Readiness.WaitForHttpAsync(process, url, cancellationToken)
                    : Readiness.WaitForHttpsAsync(process, url, tls, _ => true, cancellationToken));
                return server;
            }
            catch (InvalidOperationException) when (attempt < MaxAttempts && process.HasExited)
            {
                // Most likely the port was taken between probing and binding (or, on a restart, is not yet released).
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static string RenderConfig(string workDir, int port, string serverBody, SelfSignedCertificate? tls)
    {
        var listen = tls is null
            ? $"listen 127.0.0.1:{port};"
            : $"listen {TlsAddress}:{port} ssl; ssl_certificate {tls.CertificatePath}; ssl_certificate_key {tls.KeyPath};";
        var temp = Path.Combine(workDir, "nginx-temp");
        Directory.CreateDirectory(temp);
        // Workers must run as root when the master does, or they cannot reach root-owned sockets and files.
        var user = TestEnvironment.IsRoot ? "user root;" : string.Empty;
        return $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{Path.Combine(workDir, "nginx.pid")}};
            error_log stderr warn;
            events { worker_connections 256; }
            http {
                access_log off;
                default_type application/octet-stream;
                types {
                    text/yaml yaml yml;
                    application/gzip tgz gz;
                    application/json json;
                }
                client_body_temp_path {{temp}}/client_body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                server {
                    {{listen}}
                    server_name localhost;
                    client_max_body_size 0;
            {{serverBody}}
                }
            }
            """;
    }
}
