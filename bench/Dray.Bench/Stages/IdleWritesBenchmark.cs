using System.Diagnostics;
using System.Globalization;
using Dray.Core.Model;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Bench.Stages;

/// <summary>
/// --projects (100) projects of --stages (10) auto-promoting Stages each get one Freight, which flows into every
/// Stage. Once the store revision stops moving, every store write during --seconds (60) is counted.
/// </summary>
internal sealed class IdleWritesBenchmark : IBenchmark
{
    public string Name => "stage-idle";

    public string Description => "settle --projects (100) x --stages (10), then count store writes during --seconds (60)";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var projects = arguments.GetInt("projects", 100);
        var stages = arguments.GetInt("stages", 10);
        var seconds = arguments.GetInt("seconds", 60);
        await using var host = new StageBenchHost();
        for (var p = 0; p < projects; p++)
        {
            await StageBenchSeed.ProjectAsync(host.Store, $"p{p:000}", stages, cancellationToken);
            await StageBenchSeed.FreightAsync(host.Store, $"p{p:000}", 1, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        host.Start();
        var quiet = TimeSpan.FromSeconds(5);
        var revision = await host.Store.GetRevisionAsync(cancellationToken);
        while (true)
        {
            await Task.Delay(quiet, cancellationToken);
            var now = await host.Store.GetRevisionAsync(cancellationToken);
            if (now == revision)
            {
                break;
            }

            revision = now;
        }

        var settled = clock.Elapsed - quiet;
        var filled = await CountFilledAsync(host.Store, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"settled in {settled.TotalSeconds:F1} s (revision {revision}); {filled} of {projects * stages} Stages hold the Freight"));

        var before = await host.Store.GetRevisionAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        var after = await host.Store.GetRevisionAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle: {after - before} store writes in {seconds} s = {(after - before) * 60.0 / seconds:F1} writes/min"));
        return filled == projects * stages && after == before ? 0 : 1;
    }

    private static async Task<int> CountFilledAsync(IResourceStore store, CancellationToken ct)
    {
        var filled = 0;
        string? token = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(ResourceKinds.Stage.Kind, Limit: 500, ContinueToken: token), ct);
            filled += page.Items.Count(d => KargoJson.FromDocument<Stage>(d).Status?.FreightSummary == StageBenchSeed.Name(1));
            token = page.ContinueToken;
        }
        while (token is not null);
        return filled;
    }
}
