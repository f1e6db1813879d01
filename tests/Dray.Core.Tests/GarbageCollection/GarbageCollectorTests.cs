using Dray.Core.GarbageCollection;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Stages;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.GarbageCollection;

/// <summary>A collection pass over a real SQLite store.</summary>
public sealed class GarbageCollectorTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("dray-gc-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private SqliteResourceStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = _directory.File("gc.db") }, _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    private static readonly FreightOrigin Origin = new() { Kind = FreightOriginKind.Warehouse, Name = "w" };

    [Fact]
    public async Task Deletes_old_unused_freight_beyond_the_retained_and_keeps_what_is_in_use()
    {
        await _store.CreateAsync(KargoJson.ToDocument(new Project { Metadata = new ObjectMeta { Name = "p" } }), CancellationToken.None);
        await _store.CreateAsync(KargoJson.ToDocument(new Warehouse
        {
            Metadata = new ObjectMeta { Name = "w", Namespace = "p" },
            Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Image = new ImageSubscription { RepoURL = "r" } }] },
        }), CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            var status = i == 3 ? new FreightStatus { CurrentlyIn = new Dictionary<string, CurrentStage> { ["dev"] = new() { Since = _time.GetUtcNow() } } } : null;
            var created = await _store.CreateAsync(KargoJson.ToDocument(new Freight
            {
                Metadata = new ObjectMeta { Name = $"f{i}", Namespace = "p" },
                Origin = Origin,
                DiscoveredAt = _time.GetUtcNow(),
            }), CancellationToken.None);
            if (status is not null)
            {
                var withStatus = created.Clone();
                withStatus.Json["status"] = System.Text.Json.JsonSerializer.SerializeToNode(status, KargoJson.Options);
                await _store.UpdateStatusAsync(withStatus, CancellationToken.None);
            }

            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var options = new GarbageCollectionOptions { MaxRetainedFreight = 1, MinFreightDeletionAge = TimeSpan.FromDays(1) };
        var collector = new GarbageCollector(_store, options, _time, NullLogger<GarbageCollector>.Instance);

        (await collector.CollectAsync(CancellationToken.None)).ShouldBe(0, "everything is younger than a day");
        _time.Advance(TimeSpan.FromDays(2));
        (await collector.CollectAsync(CancellationToken.None)).ShouldBe(2);

        var left = await _store.ListAsync(new Dray.Core.Storage.ListQuery(ResourceKinds.Freight.Kind, "p"), CancellationToken.None);
        left.Items.Select(d => d.Name).ShouldBe(["f2", "f3", "f4", "f5"]);
        (await collector.CollectAsync(CancellationToken.None)).ShouldBe(0);
    }
}
