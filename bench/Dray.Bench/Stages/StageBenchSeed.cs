using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Stages;
using Dray.Core.Model.Warehouses;
using Dray.Core.Storage;

namespace Dray.Bench.Stages;

/// <summary>Projects with an auto-promoting ProjectConfig, a Warehouse and Stages with one no-op step.</summary>
internal static class StageBenchSeed
{
    public static readonly FreightOrigin Origin = new() { Kind = FreightOriginKind.Warehouse, Name = "w" };

    /// <summary><c>s0</c> takes Freight directly; every other Stage takes it from <c>s0</c>.</summary>
    public static async Task ProjectAsync(IResourceStore store, string project, int stages, CancellationToken ct)
    {
        await store.CreateAsync(KargoJson.ToDocument(new Project { Metadata = new ObjectMeta { Name = project } }), ct);
        await store.CreateAsync(KargoJson.ToDocument(new ProjectConfig
        {
            Metadata = new ObjectMeta { Name = project, Namespace = project },
            Spec = new ProjectConfigSpec { PromotionPolicies = [new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = "glob:*" }, AutoPromotionEnabled = true }] },
        }), ct);
        await store.CreateAsync(KargoJson.ToDocument(new Warehouse
        {
            Metadata = new ObjectMeta { Name = "w", Namespace = project },
            Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Image = new ImageSubscription { RepoURL = "registry.example/app" } }] },
        }), ct);
        for (var i = 0; i < stages; i++)
        {
            await store.CreateAsync(KargoJson.ToDocument(new Stage
            {
                Metadata = new ObjectMeta { Name = $"s{i}", Namespace = project },
                Spec = new StageSpec
                {
                    RequestedFreight = [new FreightRequest { Origin = Origin, Sources = i == 0 ? new FreightSources { Direct = true } : new FreightSources { Stages = ["s0"] } }],
                    PromotionTemplate = new PromotionTemplate { Spec = new PromotionTemplateSpec { Steps = [new Dray.Core.Model.Promotions.PromotionStep { Uses = "noop" }] } },
                },
            }), ct);
        }
    }

    public static Task FreightAsync(IResourceStore store, string project, int n, CancellationToken ct) =>
        store.CreateAsync(KargoJson.ToDocument(new Freight
        {
            Metadata = new ObjectMeta { Name = Name(n), Namespace = project },
            Origin = Origin,
            DiscoveredAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(n),
            Images = [new Image { RepoURL = "registry.example/app", Tag = $"1.0.{n}" }],
        }), ct);

    public static string Name(int n) => $"{n:x40}";
}
