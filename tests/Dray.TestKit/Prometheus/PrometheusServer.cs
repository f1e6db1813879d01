using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Prometheus;

/// <summary>
/// A real Prometheus on 127.0.0.1 scraping a <see cref="MetricsTarget"/> every second (job <c>dray-test</c>), for
/// analysis and verification tests that query <c>/api/v1/query</c>.
/// </summary>
public sealed class PrometheusServer : ServerFixture
{
    private const int MaxAttempts = 3;
    private readonly TempDirectory root = new("dray-prometheus-");
    private MetricsTarget? target;
    private ServerProcess? prometheus;
    private int port;

    public Uri BaseUri
    {
        get
        {
            EnsureAvailable();
            return new Uri($"http://127.0.0.1:{port}/");
        }
    }

    /// <summary>The endpoint Prometheus scrapes; set samples on it.</summary>
    public MetricsTarget Target
    {
        get
        {
            EnsureAvailable();
            return target!;
        }
    }

    /// <summary>Runs an instant query; returns the <c>data.result</c> array.</summary>
    /// <exception cref="HttpRequestException">Prometheus answered with an error.</exception>
    public async Task<JsonArray> QueryAsync(string promQl, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient();
        var url = new Uri(BaseUri, $"api/v1/query?query={Uri.EscapeDataString(promQl)}");
        var json = JsonNode.Parse(await client.GetStringAsync(url, cancellationToken))!;
        return json["status"]?.GetValue<string>() == "success"
            ? json["data"]!["result"]!.AsArray()
            : throw new HttpRequestException($"Prometheus query failed: {json.ToJsonString()}");
    }

    /// <summary>
    /// Polls an instant query until its first sample equals <paramref name="expected"/> (scrapes are asynchronous).
    /// </summary>
    /// <exception cref="TimeoutException">The value did not show up in time.</exception>
    public async Task WaitForValueAsync(string promQl, double expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string last = "no result";
        try
        {
            while (true)
            {
                var result = await QueryAsync(promQl, deadline.Token);
                if (result.Count > 0)
                {
                    var value = double.Parse(result[0]!["value"]![1]!.GetValue<string>(), CultureInfo.InvariantCulture);
                    if (value.Equals(expected))
                    {
                        return;
                    }

                    last = result.ToJsonString();
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"`{promQl}` did not reach {expected} within {timeout} (last: {last})", e);
        }
    }

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        var binary = HostBinary.Find("prometheus", "prometheus");
        target = new MetricsTarget();
        var config = root.File("prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: dray-test
                static_configs:
                  - targets: ['{target.HostPort}']
            """, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            port = FreePort.Next();
            prometheus = ServerProcess.Start("prometheus", binary,
            [
                $"--config.file={config}",
                $"--storage.tsdb.path={root.Sub("data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            ]);
            try
            {
                await Readiness.WaitForHttpAsync(
                    prometheus, new Uri($"http://127.0.0.1:{port}/-/ready"), status => status == HttpStatusCode.OK, cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < MaxAttempts && prometheus.HasExited)
            {
                await prometheus.DisposeAsync();
                prometheus = null;
            }
        }
    }

    protected override async ValueTask StopAsync()
    {
        if (prometheus is not null)
        {
            await prometheus.DisposeAsync();
        }

        if (target is not null)
        {
            await target.DisposeAsync();
        }

        root.Dispose();
    }
}
