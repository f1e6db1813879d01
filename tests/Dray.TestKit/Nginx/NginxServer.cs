using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Nginx;

/// <summary>
/// An nginx master process on 127.0.0.1 with its config, pid and temp paths inside <c>workDir</c>.
/// Callers supply the body of the single <c>server { }</c> block.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private const int MaxAttempts = 3;
    private readonly ServerProcess process;

    private NginxServer(ServerProcess process, int port)
    {
        this.process = process;
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseUri { get; }

    public string Diagnostics() => process.Diagnostics();

    /// <summary>Starts nginx and waits until it answers <paramref name="readinessPath"/> with any status.</summary>
    public static Task<NginxServer> StartAsync(
        string workDir, string serverBody, string readinessPath, CancellationToken cancellationToken) =>
        StartCoreAsync(workDir, serverBody, readinessPath, null, cancellationToken);

    /// <summary>Starts nginx again on the <paramref name="port"/> an earlier instance had, to end a simulated outage.</summary>
    public static Task<NginxServer> RestartAsync(
        string workDir, string serverBody, string readinessPath, int port, CancellationToken cancellationToken) =>
        StartCoreAsync(workDir, serverBody, readinessPath, port, cancellationToken);

    private static async Task<NginxServer> StartCoreAsync(
        string workDir, string serverBody, string readinessPath, int? fixedPort, CancellationToken cancellationToken)
    {
        var nginx = HostBinary.Find("nginx", "nginx-light");
        for (var attempt = 1; ; attempt++)
        {
            var port = fixedPort ?? FreePort.Next();
            var config = Path.Combine(workDir, "nginx.conf");
            await File.WriteAllTextAsync(config, RenderConfig(workDir, port, serverBody), cancellationToken);
            var process = ServerProcess.Start("nginx", nginx, ["-e", "stderr", "-p", workDir, "-c", config]);
            var server = new NginxServer(process, port);
            try
            {
                await Readiness.WaitForHttpAsync(process, new Uri(server.BaseUri, readinessPath), cancellationToken);
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

    private static string RenderConfig(string workDir, int port, string serverBody)
    {
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
                    listen 127.0.0.1:{{port}};
                    server_name localhost;
                    client_max_body_size 0;
            {{serverBody}}
                }
            }
            """;
    }
}
