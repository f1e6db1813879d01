using System.Diagnostics;
using System.Globalization;
using Dray.Core.Storage;
using Dray.Storage.Sqlite;

namespace Dray.Bench.Store;

/// <summary>
/// Seeds Freight into a fresh SQLite store through CommitAsync, then times random pages of one project's
/// Freight list. The target: p95 of a 100-item page out of 100,000 at or under 20 ms.
/// </summary>
internal sealed class StorePageBenchmark : IBenchmark
{
    private const string Project = "demo";

    public string Name => "store-page";

    public string Description => "seed --count Freight (100000) in batches of --batch (1000), time --samples (1000) random pages of --limit (100)";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var count = arguments.GetInt("count", 100_000);
        var batch = arguments.GetInt("batch", 1_000);
        var samples = arguments.GetInt("samples", 1_000);
        var limit = arguments.GetInt("limit", 100);
        var directory = arguments.GetString("dir") ?? Directory.CreateTempSubdirectory("dray-bench-").FullName;
        var path = Path.Combine(directory, "store-page.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        await using var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = path }, TimeProvider.System);
        var (seconds, averageBytes) = await SeedAsync(store, count, batch, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed: {count} Freight (avg {averageBytes:F0} B JSON) in {seconds:F1} s = {count / seconds:F0} docs/s; file {new FileInfo(path).Length / 1024.0 / 1024.0:F0} MiB + WAL"));

        var tokens = await CollectTokensAsync(store, limit, cancellationToken);
        var latencies = await SamplePagesAsync(store, tokens, samples, limit, cancellationToken);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page: {samples} random pages of {limit} out of {count} ({tokens.Count} pages): p50 {Percentiles.Of(latencies, 50):F2} ms, p95 {Percentiles.Of(latencies, 95):F2} ms, p99 {Percentiles.Of(latencies, 99):F2} ms, max {latencies[^1]:F2} ms"));

        if (arguments.GetString("dir") is null)
        {
            await store.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task<(double Seconds, double AverageBytes)> SeedAsync(IResourceStore store, int count, int batch, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var started = Stopwatch.GetTimestamp();
        for (var offset = 0; offset < count; offset += batch)
        {
            var operations = new List<WriteOperation>(batch);
            for (var i = offset; i < Math.Min(count, offset + batch); i++)
            {
                var freight = FreightGenerator.Create(Project, i);
                bytes += freight.ToJsonString().Length;
                operations.Add(new WriteOperation(WriteOperationType.Create, freight));
            }

            await store.CommitAsync(operations, cancellationToken);
        }

        return (Stopwatch.GetElapsedTime(started).TotalSeconds, (double)bytes / count);
    }

    /// <summary>Walks the whole list once; the tokens (null = first page) are the starting points to sample.</summary>
    private static async Task<List<string?>> CollectTokensAsync(IResourceStore store, int limit, CancellationToken cancellationToken)
    {
        var tokens = new List<string?> { null };
        string? token = null;
        do
        {
            var page = await store.ListAsync(new ListQuery("Freight", Project, limit, token), cancellationToken);
            token = page.ContinueToken;
            if (token is not null)
            {
                tokens.Add(token);
            }
        }
        while (token is not null);

        return tokens;
    }

    private static async Task<List<double>> SamplePagesAsync(IResourceStore store, List<string?> tokens, int samples, int limit, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var token = tokens[random.Next(tokens.Count)];
            var started = Stopwatch.GetTimestamp();
            var page = await store.ListAsync(new ListQuery("Freight", Project, limit, token), cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (page.Items.Count == 0)
            {
                throw new InvalidOperationException("A sampled page came back empty.");
            }
        }

        return latencies;
    }
}
