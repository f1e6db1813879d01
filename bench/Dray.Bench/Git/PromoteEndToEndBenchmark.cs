using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dray.Client;
using Dray.Client.Models;
using Dray.Core.Resources;
using Dray.Server;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Dray.Bench.Git;

/// <summary>
/// Promotes one image to one Stage (git-clone → kustomize-set-image → git-commit → git-push) on a generated GitOps
/// repository of --commits commits and --files files, served by the real nginx + git http-backend with Basic auth, and
/// times it from the promote request to the Promotion's success (the push is its last step). Each run takes a fresh
/// data directory: the first promotion is cold (no mirror), the second warm (mirror present). The floor, in the same
/// run, is a shell script: shallow clone, sed, commit, push.
/// </summary>
internal sealed class PromoteEndToEndBenchmark : IBenchmark
{
    private const string Project = "bench";
    private const string Password = "bench-admin-password";

    public string Name => "promote-e2e";

    public string Description =>
        "promote one image on a --commits (100000) / --files (20000) repo: cold, warm, vs a shell floor (--runs 5, --source-repo/--keep-repo DIR)";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var commits = arguments.GetInt("commits", 100_000);
        var files = arguments.GetInt("files", 20_000);
        var runs = arguments.GetInt("runs", 5);
        var source = arguments.GetString("source-repo");
        var scratch = Directory.CreateTempSubdirectory("dray-bench-promote-").FullName;
        var git = new GitHttpServer();
        try
        {
            await git.InitializeAsync();
            await git.CreateBareRepoAsync("gitops", cancellationToken);
            var generate = Stopwatch.GetTimestamp();
            if (source is null)
            {
                await GitOpsRepoGenerator.GenerateAsync(git.RepoPath("gitops"), commits, files, cancellationToken);
                await GitCli.RunCheckedAsync(git.RepoPath("gitops"), null, ["repack", "-a", "-d", "-q"], cancellationToken);
            }
            else
            {
                // A repository generated earlier (e.g. by --keep-repo): its objects, over the empty one just created.
                var parts = new[] { "objects", "refs", "packed-refs" }.Select(p => Path.Combine(source, p)).Where(Path.Exists);
                await ProcessRunner.RunCheckedAsync("cp", ["-a", .. parts, git.RepoPath("gitops")], cancellationToken);
            }

            var count = await GitCli.OutputAsync(git.RepoPath("gitops"), ["rev-list", "--count", "main"], cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"repository: {count} commits, {files} files, ready in {Stopwatch.GetElapsedTime(generate).TotalSeconds:F1} s, {RepoSizeMiB(git.RepoPath("gitops")):F1} MiB"));
            if (arguments.GetString("keep-repo") is { } keep)
            {
                await ProcessRunner.RunCheckedAsync("cp", ["-a", git.RepoPath("gitops"), keep], cancellationToken);
            }

            var url = git.RepoUrl("gitops");
            List<double> floor = [], cold = [], warm = [];
            for (var run = 0; run <= runs; run++)
            {
                // Run 0 warms the JIT and the disk cache and is not counted.
                var f = await FloorScript.RunAsync(url, Tag(run, 0), git.Credentials, scratch, cancellationToken);
                var (c, w) = await PromoteTwiceAsync(git, url, run, Path.Combine(scratch, $"data-{run}"), cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}{(run == 0 ? " (warm-up, not counted)" : "")}: floor {f:F0} ms, cold {c:F0} ms, warm {w:F0} ms"));
                if (run > 0)
                {
                    floor.Add(f);
                    cold.Add(c);
                    warm.Add(w);
                }
            }

            var medianFloor = Median(floor);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median over {runs} runs: floor {medianFloor:F0} ms, cold {Median(cold):F0} ms (ratio {Median(cold) / medianFloor:F2}), warm {Median(warm):F0} ms (ratio {Median(warm) / medianFloor:F2})"));
            return 0;
        }
        finally
        {
            await git.DisposeAsync();
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException e)
            {
                // A stopped server may still be removing its last work directory (20,000 files) at this point.
                await Console.Error.WriteLineAsync($"could not remove {scratch}: {e.Message}");
            }
        }
    }

    /// <summary>A fresh server and data directory; returns the cold and the warm promotion's time in milliseconds.</summary>
    private static async Task<(double Cold, double Warm)> PromoteTwiceAsync(GitHttpServer git, string url, int run, string data, CancellationToken ct)
    {
        var options = new DrayServerOptions { DataDirectory = data, ListenAddress = "127.0.0.1:0", AdminPassword = Password };
        var server = DrayServer.Build(options, TextWriter.Null, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (server)
        {
            await server.StartAsync(ct);
            var address = new Uri(server.Urls.First());
            string token;
            using (var anonymous = new DrayClient(address, null))
            {
                token = (await anonymous.LoginAsync(Password, ct)).Token;
            }

            using var client = new DrayClient(address, token);
            string[] tags = [Tag(run, 1), Tag(run, 2)];
            await client.ApplyAsync([new ManifestFile("bench.yaml", Manifests(url, git.Username, git.Password, tags))], dryRun: false, project: null, ct);
            var cold = await PromoteAsync(client, git, tags[0], ct);
            var warm = await PromoteAsync(client, git, tags[1], ct);
            await server.StopAsync(ct);
            return (cold, warm);
        }
    }

    private static async Task<double> PromoteAsync(DrayClient client, GitHttpServer git, string tag, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var created = await client.PromoteAsync(Project, "dev", FreightName(tag), null, ct);
        while (true)
        {
            var promotion = await client.GetAsync(ResourceKinds.Promotion, Project, created.Name, ct);
            var phase = (string?)promotion.Status?["phase"];
            if (phase is "Succeeded")
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var pushed = await GitCli.OutputAsync(git.RepoPath("gitops"), ["show", $"main:{GitOpsRepoGenerator.KustomizationPath}"], ct);
                return pushed.Contains($"newTag: {tag}", StringComparison.Ordinal)
                    ? elapsed
                    : throw new InvalidOperationException($"the promotion succeeded but main has no tag {tag}:\n{pushed}");
            }

            if (phase is "Failed" or "Errored" or "Aborted")
            {
                throw new InvalidOperationException($"promotion {created.Name} ended {phase}: {promotion.Status?.ToJsonString()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }
    }

    private static string Tag(int run, int attempt) => string.Create(CultureInfo.InvariantCulture, $"2.{run}.{attempt}");

    /// <summary>A Freight name in the usual 40-hex shape, derived from the tag.</summary>
    private static string FreightName(string tag) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tag)))[..40];

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return Percentiles.Of(samples, 50);
    }

    private static double RepoSizeMiB(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024.0 / 1024.0;

    private static string Manifests(string url, string user, string password, IEnumerable<string> tags)
    {
        var text = new StringBuilder($$$"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Project
            metadata:
              name: {{{Project}}}
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: gitops
              namespace: {{{Project}}}
              labels:
                kargo.akuity.io/cred-type: git
            stringData:
              repoURL: {{{url}}}
              username: {{{user}}}
              password: {{{password}}}
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: images
              namespace: {{{Project}}}
            spec:
              freightCreationPolicy: Manual
              subscriptions:
              - image:
                  repoURL: nginx
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: dev
              namespace: {{{Project}}}
            spec:
              requestedFreight:
              - origin:
                  kind: Warehouse
                  name: images
                sources:
                  direct: true
              promotionTemplate:
                spec:
                  steps:
                  - uses: git-clone
                    config:
                      repoURL: {{{url}}}
                      checkout:
                      - branch: main
                        path: ./src
                  - uses: kustomize-set-image
                    config:
                      path: ./src/env/dev
                  - uses: git-commit
                    config:
                      path: ./src
                      message: Promote nginx
                  - uses: git-push
                    config:
                      path: ./src
            """);
        foreach (var tag in tags)
        {
            text.Append(CultureInfo.InvariantCulture, $"""

                ---
                apiVersion: kargo.akuity.io/v1alpha1
                kind: Freight
                metadata:
                  name: {FreightName(tag)}
                  namespace: {Project}
                origin:
                  kind: Warehouse
                  name: images
                images:
                - repoURL: nginx
                  tag: {tag}
                  digest: sha256:{new string('b', 64)}
                """);
        }

        return text.ToString();
    }
}
