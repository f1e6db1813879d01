using System.Text.Json;
using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Model.Warehouses;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Steps;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Promotions;

/// <summary>The promotion engine over a real SQLite store in a temp directory, with the test steps registered.</summary>
public sealed class PromotionTestBed : IAsyncDisposable
{
    public const string Project = "demo";
    public const string StageName = "test";
    public const string FreightName = "abcdef0123456789abcdef0123456789abcdef01";

    private readonly TempDirectory _directory = new("dray-promotion-");
    private ServiceProvider _services;

    public PromotionTestBed(TimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        (_services, Store, Runner) = Open();
        Creator = new PromotionCreator(Store, new MonotonicUlidFactory(Time));
    }

    public TimeProvider Time { get; }

    public StepCounters Counters { get; } = new();

    public SqliteResourceStore Store { get; private set; }

    public PromotionRunner Runner { get; private set; }

    public PromotionCreator Creator { get; private set; }

    public PromotionEngineOptions Options { get; } = new();

    public string File(string name) => _directory.File(name);

    public static ResourceKey Key(string name) => new(ResourceKinds.Promotion.Kind, Project, name);

    public static PromotionStep Step(
        string uses,
        string? config = null,
        string? alias = null,
        string? condition = null,
        bool continueOnError = false,
        PromotionStepRetry? retry = null,
        params (string Name, string? Value)[] vars) => new()
    {
        Uses = uses,
        As = alias,
        If = condition,
        ContinueOnError = continueOnError ? true : null,
        Retry = retry,
        Vars = vars.Length == 0 ? null : Vars(vars),
        Config = config is null ? null : JsonDocument.Parse(config).RootElement.Clone(),
    };

    public static IReadOnlyList<ExpressionVariable> Vars(params (string Name, string? Value)[] vars) =>
        vars.Select(v => new ExpressionVariable { Name = v.Name, Value = v.Value }).ToList();

    /// <summary>Stores the Warehouse's Freight and a Stage with these steps (replacing an earlier Stage).</summary>
    public async Task SetStageAsync(IReadOnlyList<PromotionStep> steps, IReadOnlyList<ExpressionVariable>? stageVars = null, IReadOnlyList<ExpressionVariable>? templateVars = null)
    {
        var stage = new Stage
        {
            Metadata = new ObjectMeta { Name = StageName, Namespace = Project },
            Spec = new StageSpec
            {
                Vars = stageVars,
                RequestedFreight = [new FreightRequest { Origin = Origin, Sources = new FreightSources { Direct = true } }],
                PromotionTemplate = new PromotionTemplate { Spec = new PromotionTemplateSpec { Vars = templateVars, Steps = steps } },
            },
        };
        var key = new ResourceKey(ResourceKinds.Stage.Kind, Project, StageName);
        if (await Store.GetAsync(key, CancellationToken.None) is not null)
        {
            await Store.DeleteAsync(key, 0, CancellationToken.None);
        }

        await Store.CreateAsync(KargoJson.ToDocument(stage), CancellationToken.None);
        if (await Store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, Project, FreightName), CancellationToken.None) is null)
        {
            var warehouse = new Warehouse
            {
                Metadata = new ObjectMeta { Name = "w", Namespace = Project },
                Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Image = new ImageSubscription { RepoURL = "registry.example/app" } }] },
            };
            await Store.CreateAsync(KargoJson.ToDocument(warehouse), CancellationToken.None);

            var freight = new Freight
            {
                Metadata = new ObjectMeta { Name = FreightName, Namespace = Project },
                Alias = "happy-fox",
                Origin = Origin,
                Images = [new Image { RepoURL = "registry.example/app", Tag = "1.2.3" }],
            };
            await Store.CreateAsync(KargoJson.ToDocument(freight), CancellationToken.None);
        }
    }

    /// <summary>Sets the Stage's steps and creates a Promotion from them; returns its name.</summary>
    public async Task<string> PromoteAsync(IReadOnlyList<PromotionStep> steps, IReadOnlyList<ExpressionVariable>? stageVars = null, IReadOnlyList<ExpressionVariable>? templateVars = null)
    {
        await SetStageAsync(steps, stageVars, templateVars);
        var promotion = await Creator.CreateAsync(Project, StageName, FreightName, "admin", CancellationToken.None);
        return promotion.Metadata.Name!;
    }

    /// <summary>Runs until the Promotion is terminal, moving the fake clock by each requested delay.</summary>
    public async Task<Promotion> RunToEndAsync(string name, int maxRuns = 50)
    {
        for (var i = 0; i < maxRuns; i++)
        {
            var result = await Runner.RunAsync(Key(name), CancellationToken.None);
            if (result is null || result.IsTerminal)
            {
                return await GetAsync(name);
            }

            if (result.RequeueAfter is { } delay && Time is FakeTimeProvider fake)
            {
                fake.Advance(delay);
            }
        }

        throw new InvalidOperationException($"Promotion {name} did not finish in {maxRuns} runs");
    }

    public async Task<Promotion> GetAsync(string name) =>
        KargoJson.FromDocument<Promotion>((await Store.GetAsync(Key(name), CancellationToken.None))!);

    public async Task<T> GetAsync<T>(ResourceKind kind, string name) =>
        KargoJson.FromDocument<T>((await Store.GetAsync(new ResourceKey(kind.Kind, kind.Namespaced ? Project : null, name), CancellationToken.None))!);

    /// <summary>Simulates a crash: drops the runner and closes the store, then opens both again on the same file.</summary>
    public async Task ReopenAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        (_services, Store, Runner) = Open();
        Creator = new PromotionCreator(Store, new MonotonicUlidFactory(Time));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    private static FreightOrigin Origin => new() { Kind = FreightOriginKind.Warehouse, Name = "w" };

    private (ServiceProvider Services, SqliteResourceStore Store, PromotionRunner Runner) Open()
    {
        var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = _directory.File("dray.db") }, Time);
        Options.WorkRoot = _directory.Sub("work");
        var services = new ServiceCollection()
            .AddSingleton(Counters)
            .AddPromotionStep<EchoStep>("echo")
            .AddPromotionStep<FailStep>("fail")
            .AddPromotionStep<FlakyStep>("flaky")
            .AddPromotionStep<PatientFlakyStep>("patient-flaky")
            .AddPromotionStep<PollStep>("poll")
            .AddPromotionStep<BlockStep>("block")
            .AddPromotionStep<FileCounterStep>("file-counter")
            .AddPromotionStep<ComposeStep>("compose")
            .AddPromotionStep<TerminalErrorStep>("terminal-error")
            .AddPromotionStep<ScaleStep>("scale")
            .BuildServiceProvider();
        var runner = new PromotionRunner(
            store,
            new RegistryStepResolver(services.GetRequiredService<PromotionStepRegistry>()),
            new StorePromotionExpressionDataLoader(store),
            Options,
            Time,
            NullLogger<PromotionRunner>.Instance);
        return (services, store, runner);
    }
}
