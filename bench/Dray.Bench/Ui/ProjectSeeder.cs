using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Bench.Store;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Bench.Ui;

/// <summary>
/// A large project written straight into the store: one Warehouse, Stages in chains (the first of each chain takes
/// Freight directly, the others from the Stage before), each with status, and Freight as the store benchmark makes it.
/// </summary>
internal static class ProjectSeeder
{
    public static async Task SeedAsync(IResourceStore store, string project, int stages, int chainLength, int freight, CancellationToken ct)
    {
        await store.CommitAsync([new WriteOperation(WriteOperationType.Create, Doc(new JsonObject
        {
            ["apiVersion"] = ResourceKinds.KargoApiVersion, ["kind"] = "Project", ["metadata"] = new JsonObject { ["name"] = project },
        }))], ct);
        await store.CommitAsync([new WriteOperation(WriteOperationType.Create, Doc(new JsonObject
        {
            ["apiVersion"] = ResourceKinds.KargoApiVersion, ["kind"] = "Warehouse",
            ["metadata"] = new JsonObject { ["name"] = "main", ["namespace"] = project },
            ["spec"] = new JsonObject { ["subscriptions"] = new JsonArray(new JsonObject { ["image"] = new JsonObject { ["repoURL"] = "ghcr.io/example/guestbook" } }) },
        }))], ct);

        var operations = new List<WriteOperation>();
        for (var i = 0; i < stages; i++)
        {
            operations.Add(new WriteOperation(WriteOperationType.Create, Stage(project, i, chainLength, freight)));
        }

        await store.CommitAsync(operations, ct);
        for (var offset = 0; offset < freight; offset += 1000)
        {
            var batch = new List<WriteOperation>(1000);
            for (var i = offset; i < Math.Min(freight, offset + 1000); i++)
            {
                var document = FreightGenerator.Create(project, i);
                document.Json["discoveredAt"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("O", CultureInfo.InvariantCulture);
                batch.Add(new WriteOperation(WriteOperationType.Create, document));
            }

            await store.CommitAsync(batch, ct);
        }
    }

    public static string StageName(int index, int chainLength) =>
        string.Create(CultureInfo.InvariantCulture, $"app{index / chainLength:D3}-env{index % chainLength:D2}");

    private static ResourceDocument Stage(string project, int index, int chainLength, int freight)
    {
        var sources = index % chainLength == 0
            ? new JsonObject { ["direct"] = true }
            : new JsonObject { ["stages"] = new JsonArray(StageName(index - 1, chainLength)) };
        var current = FreightGenerator.Create(project, (index * 7) % Math.Max(1, freight)).Name;
        return Doc(new JsonObject
        {
            ["apiVersion"] = ResourceKinds.KargoApiVersion,
            ["kind"] = "Stage",
            ["metadata"] = new JsonObject { ["name"] = StageName(index, chainLength), ["namespace"] = project },
            ["spec"] = new JsonObject
            {
                ["requestedFreight"] = new JsonArray(new JsonObject { ["origin"] = new JsonObject { ["kind"] = "Warehouse", ["name"] = "main" }, ["sources"] = sources }),
                ["promotionTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["steps"] = new JsonArray(new JsonObject { ["uses"] = "file-write" }) } },
            },
            ["status"] = new JsonObject
            {
                ["health"] = new JsonObject { ["status"] = index % 13 == 0 ? "Unhealthy" : "Healthy" },
                ["autoPromotionEnabled"] = index % chainLength == 0,
                ["freightHistory"] = new JsonArray(new JsonObject
                {
                    ["id"] = "c" + index.ToString(CultureInfo.InvariantCulture),
                    ["items"] = new JsonObject { ["Warehouse/main"] = new JsonObject { ["name"] = current, ["origin"] = new JsonObject { ["kind"] = "Warehouse", ["name"] = "main" } } },
                    ["verificationHistory"] = new JsonArray(new JsonObject { ["id"] = "v" + index.ToString(CultureInfo.InvariantCulture), ["phase"] = "Successful" }),
                }),
                ["lastPromotion"] = new JsonObject { ["name"] = "p" + index.ToString(CultureInfo.InvariantCulture), ["status"] = new JsonObject { ["phase"] = "Succeeded" } },
            },
        });
    }

    private static ResourceDocument Doc(JsonObject json) => new(json);
}
