using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.TestKit.Storage;

/// <summary>Small Kargo-shaped documents for store tests.</summary>
public static class TestDocuments
{
    public static ResourceDocument Stage(string project, string name, string warehouse = "main", IReadOnlyDictionary<string, string>? labels = null)
    {
        var document = new ResourceDocument(new JsonObject
        {
            ["apiVersion"] = ResourceKinds.KargoApiVersion,
            ["kind"] = "Stage",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = project },
            ["spec"] = new JsonObject
            {
                ["requestedFreight"] = new JsonArray(new JsonObject
                {
                    ["origin"] = new JsonObject { ["kind"] = "Warehouse", ["name"] = warehouse },
                    ["sources"] = new JsonObject { ["direct"] = true },
                }),
            },
        });
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            document.SetLabel(key, value);
        }

        return document;
    }

    public static ResourceDocument Warehouse(string project, string name) => new(new JsonObject
    {
        ["apiVersion"] = ResourceKinds.KargoApiVersion,
        ["kind"] = "Warehouse",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = project },
        ["spec"] = new JsonObject
        {
            ["subscriptions"] = new JsonArray(new JsonObject { ["image"] = new JsonObject { ["repoURL"] = "ghcr.io/example/app" } }),
        },
    });

    /// <summary>A cluster-scoped document: no namespace.</summary>
    public static ResourceDocument Project(string name) => new(new JsonObject
    {
        ["apiVersion"] = ResourceKinds.KargoApiVersion,
        ["kind"] = "Project",
        ["metadata"] = new JsonObject { ["name"] = name },
    });

    public static JsonObject Status(string phase) => new() { ["phase"] = phase, ["observedGeneration"] = 1 };

    /// <summary>A copy of <paramref name="document"/> with a different requested warehouse: a spec change.</summary>
    public static ResourceDocument WithWarehouse(ResourceDocument document, string warehouse)
    {
        var copy = document.Clone();
        copy.Json["spec"]!["requestedFreight"]![0]!["origin"]!["name"] = warehouse;
        return copy;
    }

    public static ResourceDocument WithStatus(ResourceDocument document, JsonObject? status)
    {
        var copy = document.Clone();
        copy.Json["status"] = status;
        return copy;
    }
}
