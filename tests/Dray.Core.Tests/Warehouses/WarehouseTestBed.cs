using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Warehouses;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Warehouses;

/// <summary>A Warehouse reconciler over a real SQLite store in a temp directory, with fixed discoverers.</summary>
public sealed class WarehouseTestBed : IAsyncDisposable
{
    public const string Project = "demo";
    public const string Digest124 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string Digest125 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private readonly TempDirectory _directory = new("dray-warehouse-");

    public WarehouseTestBed(WarehouseReconcilerOptions? options = null)
    {
        Store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = _directory.File("dray.db") }, Time);
        Options = options ?? new WarehouseReconcilerOptions { MinInterval = TimeSpan.Zero, Random = () => 0 };
        Reconciler = NewReconciler(Tracker);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));

    public SqliteResourceStore Store { get; }

    public WarehouseReconcilerOptions Options { get; }

    public WarehouseDiscoveryTracker Tracker { get; } = new();

    public FixedDiscoverer<ImageSubscription, ImageDiscoveryResult> Images { get; } = new();

    public FixedDiscoverer<GitSubscription, GitDiscoveryResult> Git { get; } = new();

    public FixedDiscoverer<ChartSubscription, ChartDiscoveryResult> Charts { get; } = new();

    public WarehouseReconciler Reconciler { get; }

    public static ResourceKey Key(string name = "w") => new(ResourceKinds.Warehouse.Kind, Project, name);

    public WarehouseReconciler NewReconciler(WarehouseDiscoveryTracker tracker) => new(
        Store,
        new WarehouseDiscovery(Images, Git, Charts, new SecretCredentialProvider(Store, new StoredSecretValues(Store))),
        new FreightPublisher(Store, new FreightAliasGenerator()),
        tracker,
        Options,
        Time,
        NullLogger<WarehouseReconciler>.Instance);

    public static Warehouse ImageWarehouse(string name = "w", string repo = "127.0.0.1:5000/nginx", string? interval = null, FreightCreationPolicy? policy = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = Project },
        Spec = new WarehouseSpec
        {
            Interval = interval,
            FreightCreationPolicy = policy,
            Subscriptions = [new RepoSubscription { Image = new ImageSubscription { RepoURL = repo } }],
        },
    };

    /// <summary>Makes the image discoverer report these (tag, digest) pairs, best first.</summary>
    public void ImagesAre(params (string Tag, string Digest)[] references) =>
        Images.Respond = (subscription, name) => new ImageDiscoveryResult
        {
            RepoURL = subscription.RepoURL,
            SubscriptionName = name,
            References = references.Select(r => new DiscoveredImageReference { Tag = r.Tag, Digest = r.Digest }).ToList(),
        };

    public async Task CreateAsync(Warehouse warehouse) => await Store.CreateAsync(KargoJson.ToDocument(warehouse), CancellationToken.None);

    public async Task<Warehouse> GetWarehouseAsync(string name = "w") =>
        KargoJson.FromDocument<Warehouse>((await Store.GetAsync(Key(name), CancellationToken.None))!);

    public async Task<IReadOnlyList<Freight>> ListFreightAsync()
    {
        var page = await Store.ListAsync(new Dray.Core.Storage.ListQuery(ResourceKinds.Freight.Kind, Project), CancellationToken.None);
        return page.Items.Select(KargoJson.FromDocument<Freight>).ToList();
    }

    public Task<long> RevisionAsync() => Store.GetRevisionAsync(CancellationToken.None);

    public Task<Dray.Core.Controllers.ReconcileResult> ReconcileAsync(string name = "w") => Reconciler.ReconcileAsync(Key(name), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
