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

/// <summary>The Warehouse controller wired as the server wires it: SQLite store, image, git and chart discovery, DI scopes, the runner.</summary>
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
            .AddGitArtifactDiscoverer(_directory.Sub("data"))
            .AddChartArtifactDiscoverer()
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

    public Task CreateWarehouseAsync(string name, string repoUrl) =>
        CreateWarehouseAsync(name, new RepoSubscription { Image = new ImageSubscription { RepoURL = repoUrl } });

    public Task CreateWarehouseAsync(string name, RepoSubscription subscription) => Store.CreateAsync(
        KargoJson.ToDocument(new Warehouse
        {
            Metadata = new ObjectMeta { Name = name, Namespace = Project },
            Spec = new WarehouseSpec { Subscriptions = [subscription] },
        }),
        CancellationToken.None);

    public async Task RefreshAsync(string name, string token)
    {
        var document = (await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, Project, name), CancellationToken.None))!;
        document.SetAnnotation(KargoAnnotations.Refresh, token);
        await Store.UpdateAsync(document, CancellationToken.None);
    }

    public Task CreateImageSecretAsync(string name, string repoUrl, string username, string password) =>
        CreateSecretAsync(name, CredentialType.Image, repoUrl, username, password);

    public Task CreateSecretAsync(string name, string credentialType, string repoUrl, string username, string password) => Store.CreateAsync(
        KargoJson.ToDocument(new Secret
        {
            Metadata = new ObjectMeta { Name = name, Namespace = Project, Labels = new Dictionary<string, string> { [KargoLabels.CredentialType] = credentialType } },
            StringData = new Dictionary<string, string> { ["repoURL"] = repoUrl, ["username"] = username, ["password"] = password },
        }),
        CancellationToken.None);

    /// <summary>Replaces the password of a Secret made by <see cref="CreateSecretAsync"/>, as <c>kubectl apply</c> would.</summary>
    public async Task UpdateSecretPasswordAsync(string name, string password)
    {
        var document = (await Store.GetAsync(new ResourceKey(ResourceKinds.Secret.Kind, Project, name), CancellationToken.None))!;
        var secret = KargoJson.FromDocument<Secret>(document);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (secret.Data?.Keys ?? []).Concat(secret.StringData?.Keys ?? []))
        {
            data[key] = secret.TryGetValue(key, out var value) ? value : "";
        }

        data["password"] = password;
        var updated = KargoJson.ToDocument(secret with { Data = null, StringData = data });
        updated.ResourceVersion = document.ResourceVersion;
        await Store.UpdateAsync(updated, CancellationToken.None);
    }

    /// <summary>The Warehouse's whole status as stored, for asserting that no secret leaked into any message.</summary>
    public async Task<string> GetStatusJsonAsync(string name) =>
        (await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, Project, name), CancellationToken.None))!.Json["status"]?.ToJsonString() ?? "";

    public async Task<Warehouse> GetWarehouseAsync(string name) =>
        KargoJson.FromDocument<Warehouse>((await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, Project, name), CancellationToken.None))!);

    public async Task<IReadOnlyList<Freight>> ListFreightAsync()
    {
        var page = await Store.ListAsync(new ListQuery(ResourceKinds.Freight.Kind, Project), CancellationToken.None);
        return page.Items.Select(KargoJson.FromDocument<Freight>).ToList();
    }

    /// <summary>Polls <paramref name="condition"/> for up to 60 s; <paramref name="describe"/> says, on timeout, where things stood.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, Func<Task<string>>? describe = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The Warehouse controller did not get there in 60 s{(describe is null ? "" : ": " + await describe())}");
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
