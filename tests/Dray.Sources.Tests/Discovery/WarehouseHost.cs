using Dray.Core.Controllers;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Dray.Sources.Discovery;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Sources.Tests.Discovery;

/// <summary>The Warehouse controller wired as the server wires it: SQLite store, OCI discovery, DI scopes, the runner.</summary>
public sealed class WarehouseHost : IAsyncDisposable
{
    public const string Project = "demo";

    private readonly TempDirectory _directory = new("dray-warehouse-oci-");
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public WarehouseHost(WarehouseReconcilerOptions? options = null)
    {
        Store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = _directory.File("dray.db") }, TimeProvider.System);
        Services = new ServiceCollection()
            .AddSingleton<IResourceStore>(Store)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddImageArtifactDiscoverer()
            .AddWarehouseReconciler(options ?? new WarehouseReconcilerOptions { MinInterval = TimeSpan.Zero })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public SqliteResourceStore Store { get; }

    public ServiceProvider Services { get; }

    public void StartRunner()
    {
        var runner = Services.GetRequiredKeyedService<ReconcilerRunner<ResourceKey>>(WarehouseServiceCollectionExtensions.RunnerKey);
        _running = Task.Run(() => runner.RunAsync(_stop.Token));
    }

    /// <summary>One reconcile in its own scope, as the runner does it.</summary>
    public async Task<ReconcileResult> ReconcileAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WarehouseReconciler>()
            .ReconcileAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, Project, name), CancellationToken.None);
    }

    public Task CreateWarehouseAsync(string name, string repoUrl) => Store.CreateAsync(
        KargoJson.ToDocument(new Warehouse
        {
            Metadata = new ObjectMeta { Name = name, Namespace = Project },
            Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Image = new ImageSubscription { RepoURL = repoUrl } }] },
        }),
        CancellationToken.None);

    public async Task RefreshAsync(string name, string token)
    {
        var document = (await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, Project, name), CancellationToken.None))!;
        document.SetAnnotation(KargoAnnotations.Refresh, token);
        await Store.UpdateAsync(document, CancellationToken.None);
    }

    public Task CreateImageSecretAsync(string name, string repoUrl, string username, string password) => Store.CreateAsync(
        KargoJson.ToDocument(new Secret
        {
            Metadata = new ObjectMeta { Name = name, Namespace = Project, Labels = new Dictionary<string, string> { [KargoLabels.CredentialType] = CredentialType.Image } },
            StringData = new Dictionary<string, string> { ["repoURL"] = repoUrl, ["username"] = username, ["password"] = password },
        }),
        CancellationToken.None);

    public async Task<Warehouse> GetWarehouseAsync(string name) =>
        KargoJson.FromDocument<Warehouse>((await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, Project, name), CancellationToken.None))!);

    public async Task<IReadOnlyList<Freight>> ListFreightAsync()
    {
        var page = await Store.ListAsync(new ListQuery(ResourceKinds.Freight.Kind, Project), CancellationToken.None);
        return page.Items.Select(KargoJson.FromDocument<Freight>).ToList();
    }

    public static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The Warehouse controller did not get there in 60 s");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        await Services.DisposeAsync();
        await Store.DisposeAsync();
        _stop.Dispose();
        _directory.Dispose();
    }
}
