using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Prometheus;

/// <summary>
/// A scrape target the test controls: serves <c>/metrics</c> in the Prometheus text format from values set with
/// <see cref="Set"/>.
/// </summary>
public sealed class MetricsTarget : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, double> samples = new(StringComparer.Ordinal);
    private readonly LoopbackHttpServer server;

    public MetricsTarget()
    {
        server = LoopbackHttpServer.Start(async context =>
        {
            if (context.Request.Url?.AbsolutePath != "/metrics")
            {
                await LoopbackHttpServer.RespondAsync(context, 404, "text/plain", "not found");
                return;
            }

            await LoopbackHttpServer.RespondAsync(context, 200, "text/plain; version=0.0.4", Render());
        });
    }

    /// <summary><c>127.0.0.1:PORT</c>, as a Prometheus static target.</summary>
    public string HostPort => server.BaseUri.Authority;

    /// <summary>Sets a gauge sample; <paramref name="series"/> is a metric name with optional labels, e.g. <c>errors{code="500"}</c>.</summary>
    public void Set(string series, double value) => samples[series] = value;

    public void Remove(string series) => samples.TryRemove(series, out _);

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private string Render()
    {
        var text = new StringBuilder();
        foreach (var (series, value) in samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append(series).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
