using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dray.Bench.Discovery;
using Dray.Client;
using Dray.Client.Models;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dray.Bench.Stages;

/// <summary>
/// Issue 5's whole path in one <c>dray serve</c> (SQLite, all controllers): a commit lands in a repository served by
/// nginx + git http-backend with Basic auth, a signed GitHub <c>push</c> webhook is POSTed to the receiver URL the
/// ProjectConfig publishes, and the store's change feed times (1) webhook POST → Freight for that commit stored and
/// (2) webhook POST → the auto-promotion's Promotion stored. Each run waits for the previous Promotion to finish, then
/// times the floor (<see cref="FetchFloor"/>) for the same commit.
/// </summary>
internal sealed class WebhookToPromotionBenchmark : IBenchmark
{
    private const string Password = "bench-admin-password";
    private const string WebhookSecret = "bench-webhook-secret-0123456789abcdef";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public string Name => "webhook-to-promotion";

    public string Description => "git push + GitHub webhook -> Freight stored -> auto-promotion stored, --runs (20) (p50/p95/max)";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var runs = arguments.GetInt("runs", 20);
        var git = new GitHttpServer();
        using var data = new TempDirectory("dray-bench-webhook-");
        try
        {
            await git.InitializeAsync();
            var repo = await Monorepo.CreateAsync(git, "app", 100, cancellationToken);
            var options = new DrayServerOptions { DataDirectory = data.Sub("server"), ListenAddress = "127.0.0.1:0", AdminPassword = Password };
            var server = DrayServer.Build(options, TextWriter.Null, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
            await using (server)
            {
                await server.StartAsync(cancellationToken);
                var store = server.Services.GetRequiredService<IResourceStore>();
                var floor = await FetchFloor.CloneAsync(git, repo.Url, data.File("floor.git"), cancellationToken);
                var code = await MeasureAsync(server, store, floor, repo, git, runs, cancellationToken);
                await server.StopAsync(cancellationToken);
                return code;
            }
        }
        finally
        {
            await git.DisposeAsync();
        }
    }

    private static async Task<int> MeasureAsync(
        WebApplication server, IResourceStore store, FetchFloor floor, Monorepo repo, GitHttpServer git, int runs, CancellationToken ct)
    {
        var address = new Uri(server.Urls.First());
        string token;
        using (var anonymous = new DrayClient(address, null))
        {
            token = (await anonymous.LoginAsync(Password, ct)).Token;
        }

        using var client = new DrayClient(address, token);
        await client.ApplyAsync([new ManifestFile("bench.yaml", WebhookBenchProject.Manifests(repo.Url, git.Username, git.Password, WebhookSecret))], dryRun: false, project: null, ct);
        var receiverUrl = await ReceiverUrlAsync(store, ct);
        var first = (await repo.HeadAsync(ct)).Trim();
        await WaitAsync(store, ResourceKinds.Stage.Kind, d => Settled(d, null), ct);
        Console.WriteLine($"receiver {new Uri(receiverUrl).GetLeftPart(UriPartial.Authority)}/webhooks/github/…; first Freight ({first[..7]}) promoted to dev");

        using var http = new HttpClient();
        List<double> freightSamples = [], promotionSamples = [], floorSamples = [];
        var before = first;
        for (var run = 0; run <= runs; run++)
        {
            // Run 0 warms the JIT and the connections and is not counted.
            var path = $"services/svc{run % 100}/deploy.yaml";
            await repo.AddCommitAsync(path, ct);
            var head = (await repo.HeadAsync(ct)).Trim();
            var body = WebhookBenchProject.PushPayload(repo.Url, before, head, path);
            var revision = await store.GetRevisionAsync(ct);
            var started = Stopwatch.GetTimestamp();
            var seen = WatchPathAsync(store, revision, head, started, ct);
            using (var request = WebhookBenchProject.PushRequest(receiverUrl, body, WebhookSecret))
            using (var response = await http.SendAsync(request, ct))
            {
                var answer = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode != HttpStatusCode.OK || JsonDocument.Parse(answer).RootElement.GetProperty("refreshed").GetInt32() != 1)
                {
                    throw new InvalidOperationException($"the webhook answered {(int)response.StatusCode}: {answer}");
                }
            }

            var (_, freightMs, promotion, promotionMs) = await seen;
            await WaitAsync(store, ResourceKinds.Stage.Kind, d => Settled(d, promotion.Name), ct);
            var floorMs = await floor.RunAsync(ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}{(run == 0 ? " (warm-up, not counted)" : "")}: {head[..7]} Freight stored {freightMs:F0} ms, Promotion stored {promotionMs:F0} ms after the webhook; floor {floorMs:F0} ms"));
            if (run > 0)
            {
                freightSamples.Add(freightMs);
                promotionSamples.Add(promotionMs);
                floorSamples.Add(floorMs);
            }

            before = head;
        }

        Console.WriteLine($"webhook -> Freight stored:        {Summary(freightSamples)}");
        Console.WriteLine($"webhook -> auto-promotion stored: {Summary(promotionSamples)}");
        Console.WriteLine($"floor (git ls-remote + fetch):    {Summary(floorSamples)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 ratio to the floor: Freight {Percentiles.Of(freightSamples, 50) / Percentiles.Of(floorSamples, 50):F1}, Promotion {Percentiles.Of(promotionSamples, 50) / Percentiles.Of(floorSamples, 50):F1}"));
        return 0;
    }

    private static bool Settled(ResourceDocument document, string? promotion) =>
        KargoJson.FromDocument<Stage>(document) is { Metadata.Name: "dev", Status: { LastPromotion.Name: { } last, CurrentPromotion: null } }
        && (promotion is null || last == promotion);

    private static async Task<string> ReceiverUrlAsync(IResourceStore store, CancellationToken ct)
    {
        var document = await WaitAsync(store, ResourceKinds.ProjectConfig.Kind,
            d => KargoJson.FromDocument<ProjectConfig>(d).Status?.WebhookReceivers?.Any(r => r.Url is not null) == true, ct);
        return KargoJson.FromDocument<ProjectConfig>(document).Status!.WebhookReceivers!.First(r => r.Name == WebhookBenchProject.Receiver).Url!;
    }

    /// <summary>
    /// One ordered change feed over the project: the Freight with <paramref name="commit"/>, then the Promotion for
    /// that Freight, each with the time it was seen since <paramref name="started"/>.
    /// </summary>
    private static async Task<(ResourceDocument Freight, double FreightMs, ResourceDocument Promotion, double PromotionMs)> WatchPathAsync(
        IResourceStore store, long from, string commit, long started, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Deadline);
        (ResourceDocument Document, double Ms)? freight = null;
        await foreach (var change in store.WatchAsync(new WatchQuery(from, Namespace: WebhookBenchProject.Name), timeout.Token))
        {
            var document = change.Document;
            if (change.Type != ChangeType.Added)
            {
                continue;
            }

            if (freight is null && document.Kind == ResourceKinds.Freight.Kind && KargoJson.FromDocument<Freight>(document).Commits?.Any(c => c.Id == commit) == true)
            {
                freight = (document, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else if (freight is { } f && document.Kind == ResourceKinds.Promotion.Kind && (string?)document.Spec?["freight"] == f.Document.Name)
            {
                return (f.Document, f.Ms, document, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        throw new TimeoutException($"no Freight for {commit} and its Promotion within {Deadline.TotalSeconds} s");
    }

    /// <summary>Current state first, then the change feed: returns as soon as a document of the kind matches.</summary>
    private static async Task<ResourceDocument> WaitAsync(IResourceStore store, string kind, Func<ResourceDocument, bool> match, CancellationToken ct)
    {
        var revision = await store.GetRevisionAsync(ct);
        var page = await store.ListAsync(new ListQuery(kind, WebhookBenchProject.Name), ct);
        if (page.Items.FirstOrDefault(match) is { } found)
        {
            return found;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Deadline);
        await foreach (var change in store.WatchAsync(new WatchQuery(revision, kind, WebhookBenchProject.Name), timeout.Token))
        {
            if (change.Type != ChangeType.Deleted && match(change.Document))
            {
                return change.Document;
            }
        }

        throw new TimeoutException($"no matching {kind} within {Deadline.TotalSeconds} s");
    }

    private static string Summary(List<double> samples)
    {
        samples.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {Percentiles.Of(samples, 50):F0} ms, p95 {Percentiles.Of(samples, 95):F0} ms, max {samples[^1]:F0} ms ({samples.Count} runs)");
    }
}
