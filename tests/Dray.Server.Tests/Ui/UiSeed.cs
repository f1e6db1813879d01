using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Server.Tests.Ui;

/// <summary>A small pipeline written straight into the store: app → dev → test → prod, two Freight, Stage statuses.</summary>
public static class UiSeed
{
    public static async Task SeedAsync(IResourceStore store, string project)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.CreateAsync(Doc($$$"""{"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Project","metadata":{"name":"{{{project}}}"}}"""), default);
        await store.CreateAsync(Doc($$$"""
            {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Warehouse","metadata":{"name":"app","namespace":"{{{project}}}"},
             "spec":{"subscriptions":[{"image":{"repoURL":"ghcr.io/example/app"}}]}}
            """), default);
        await StageAsync(store, project, "dev", """{"direct":true}""", """
            {"health":{"status":"Healthy"},"autoPromotionEnabled":true,
             "freightHistory":[{"id":"c1","items":{"Warehouse/app":{"name":"f-new","origin":{"kind":"Warehouse","name":"app"}}},
                                "verificationHistory":[{"id":"v1","phase":"Successful"}]}],
             "lastPromotion":{"name":"dev.p1","status":{"phase":"Succeeded"}}}
            """);
        await StageAsync(store, project, "test", """{"stages":["dev"]}""", """
            {"health":{"status":"Unhealthy"},
             "lastPromotion":{"name":"test.p1","freight":{"name":"f-old"},"status":{"phase":"Failed"}}}
            """);
        await StageAsync(store, project, "prod", """{"stages":["test"]}""", null);
        await FreightAsync(store, project, "f-old", "steady-heron", "2026-11-25T10:00:00Z", """{"currentlyIn":{"test":{}},"verifiedIn":{"test":{}}}""");
        await FreightAsync(store, project, "f-new", "brave-otter", "2026-11-26T10:00:00Z", """{"currentlyIn":{"dev":{}},"verifiedIn":{"dev":{}},"approvedFor":{"prod":{}}}""");
    }

    public static ResourceDocument Doc(string json) => new((JsonObject)JsonNode.Parse(json)!);

    private static async Task StageAsync(IResourceStore store, string project, string name, string sources, string? status)
    {
        var created = await store.CreateAsync(Doc($$$"""
            {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Stage","metadata":{"name":"{{{name}}}","namespace":"{{{project}}}"},
             "spec":{"requestedFreight":[{"origin":{"kind":"Warehouse","name":"app"},"sources":{{{sources}}}}],
                     "promotionTemplate":{"spec":{"steps":[{"uses":"fake"}]} } } }
            """), default);
        if (status is not null)
        {
            created.Json["status"] = JsonNode.Parse(status);
            await store.UpdateStatusAsync(created, default);
        }
    }

    private static async Task FreightAsync(IResourceStore store, string project, string name, string alias, string discoveredAt, string status)
    {
        var created = await store.CreateAsync(Doc($$$"""
            {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Freight","metadata":{"name":"{{{name}}}","namespace":"{{{project}}}"},
             "alias":"{{{alias}}}","origin":{"kind":"Warehouse","name":"app"},"discoveredAt":"{{{discoveredAt}}}",
             "images":[{"repoURL":"ghcr.io/example/app","tag":"1.0"}]}
            """), default);
        created.Json["status"] = JsonNode.Parse(status);
        await store.UpdateStatusAsync(created, default);
    }
}
