using System.Diagnostics;
using System.Globalization;
using Dray.Core.Controllers;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Dray.Sources.Discovery;
using Dray.Sources.Git;
using Dray.Storage.Sqlite;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Bench.Discovery;

/// <summary>
/// --warehouses (50) Warehouses on one --commits (20,000) commit repository behind nginx + git http-backend, run by the
/// real Warehouse controller (SQLite store, runner with --workers, default 2 as in the server). Each run adds one commit, then sets
/// the refresh annotation on every Warehouse at once (what a webhook does) and times until all have handled it, with
/// the new commit in status. Counts mirror fetches per event.
/// </summary>
internal sealed class GitFanoutBenchmark : IBenchmark
{
    private const string Project = "bench";

    public string Name => "git-fanout";

    public string Description => "--warehouses 50 on one --commits 20000 repository, one refresh event each of --runs 5";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var count = arguments.GetInt("warehouses", 50);
        var commits = arguments.GetInt("commits", 20_000);
        var runs = arguments.GetInt("runs", 5);
        var workers = arguments.GetInt("workers", 2);
        var server = new GitHttpServer();
        await server.InitializeAsync();
        using var data = new TempDirectory("dray-bench-git-fanout-");
        try
        {
            var repo = await Monorepo.CreateAsync(server, "fanout", commits, cancellationToken);
            await using var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = data.File("dray.db") }, TimeProvider.System);
            await using var services = new ServiceCollection()
                .AddSingleton<IResourceStore>(store)
                .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
                .AddGitArtifactDiscoverer(data.Sub("mirrors"))
                .AddWarehouseReconciler(workers: workers)
                .BuildServiceProvider();
            await SeedAsync(store, server, repo.Url, count, cancellationToken);
            var mirrors = services.GetRequiredService<GitMirrorManager>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var runner = services.GetRequiredKeyedService<ReconcilerRunner<ResourceKey>>(WarehouseServiceCollectionExtensions.RunnerKey);
            var running = Task.Run(() => runner.RunAsync(stop.Token), CancellationToken.None);

            var cold = Stopwatch.StartNew();
            await WaitAsync(store, count, w => w.Status?.DiscoveredArtifacts is not null, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold: {count} Warehouses discovered in {cold.ElapsedMilliseconds} ms; {mirrors.Counts}"));

            var samples = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                await repo.AddCommitAsync($"services/svc{run}/deploy.yaml", cancellationToken);
                var head = await repo.HeadAsync(cancellationToken);
                // What a webhook receiver does: one instant for the event, written as every Warehouse's refresh token.
                var asked = TimeProvider.System.GetUtcNow();
                var token = asked.ToString("O", CultureInfo.InvariantCulture);
                var before = mirrors.Counts;
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, count).Select(i => WarehouseRefresher.RequestAsync(store, Project, $"wh-{i}", asked, cancellationToken)));
                await WaitAsync(store, count, w => w.Status?.LastHandledRefresh == token, cancellationToken);
                watch.Stop();
                var fetches = mirrors.Counts.Fetches - before.Fetches;
                var lsRemotes = mirrors.Counts.LsRemotes - before.LsRemotes;
                var touched = await GetAsync(store, $"wh-{run}", cancellationToken);
                var sawHead = touched.Status?.DiscoveredArtifacts?.Git?[0].Commits?[0].Id == head;
                samples.Add(watch.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: all {count} handled the refresh in {watch.ElapsedMilliseconds} ms; fetches {fetches}, ls-remotes {lsRemotes}; wh-{run} sees the new commit: {sawHead}"));
                if (!sawHead)
                {
                    return 1;
                }
            }

            Console.WriteLine($"refresh event to all {count} discovered: {Timing.Format(samples)}");
            await stop.CancelAsync();
            await running;
            return 0;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task SeedAsync(IResourceStore store, GitHttpServer server, string url, int count, CancellationToken cancellationToken)
    {
        await store.CreateAsync(KargoJson.ToDocument(new Secret
        {
            Metadata = new ObjectMeta { Name = "git", Namespace = Project, Labels = new Dictionary<string, string> { [KargoLabels.CredentialType] = CredentialType.Git } },
            StringData = new Dictionary<string, string> { ["repoURL"] = url, ["username"] = server.Username, ["password"] = server.Password },
        }), cancellationToken);
        for (var i = 0; i < count; i++)
        {
            await store.CreateAsync(KargoJson.ToDocument(new Warehouse
            {
                Metadata = new ObjectMeta { Name = $"wh-{i}", Namespace = Project },
                Spec = new WarehouseSpec
                {
                    Subscriptions = [new RepoSubscription { Git = new GitSubscription { RepoURL = url, IncludePaths = [$"services/svc{i}"] } }],
                },
            }), cancellationToken);
        }
    }

    private static async Task WaitAsync(IResourceStore store, int count, Func<Warehouse, bool> done, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = await store.ListAsync(new ListQuery(ResourceKinds.Warehouse.Kind, Project), cancellationToken);
            if (page.Items.Count == count && page.Items.Select(KargoJson.FromDocument<Warehouse>).All(done))
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the Warehouses did not get there in 5 minutes");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task<Warehouse> GetAsync(IResourceStore store, string name, CancellationToken cancellationToken) =>
        KargoJson.FromDocument<Warehouse>((await store.GetAsync(Key(name), cancellationToken))!);

    private static ResourceKey Key(string name) => new(ResourceKinds.Warehouse.Kind, Project, name);
}
