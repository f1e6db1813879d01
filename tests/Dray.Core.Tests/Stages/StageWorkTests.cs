using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;

namespace Dray.Core.Tests.Stages;

public sealed class StageWorkTests
{
    private static ResourceChange Change(ChangeType type, string kind, string name, JsonObject? extra = null)
    {
        var json = new JsonObject { ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "p" } };
        foreach (var (key, value) in extra ?? [])
        {
            json[key] = value?.DeepClone();
        }

        return new ResourceChange(1, type, new ResourceDocument(json));
    }

    [Fact]
    public void Changes_map_to_the_stages_they_affect()
    {
        var index = new StageIndex();
        StageWork.KeysFor(index, Change(ChangeType.Added, "Stage", "dev")).Single().Name.ShouldBe("dev");
        StageWork.KeysFor(index, Change(ChangeType.Added, "Stage", "uat"));

        StageWork.KeysFor(index, Change(ChangeType.Added, "Freight", "f1")).Select(k => k.Name).Order(StringComparer.Ordinal).ShouldBe(["dev", "uat"]);
        StageWork.KeysFor(index, Change(ChangeType.Modified, "ProjectConfig", "p")).Count().ShouldBe(2);
        StageWork.KeysFor(index, Change(ChangeType.Modified, "Promotion", "x", new JsonObject { ["spec"] = new JsonObject { ["stage"] = "uat" } })).Single().Name.ShouldBe("uat");
        var run = Change(ChangeType.Modified, "AnalysisRun", "r");
        run.Document.SetLabel("kargo.akuity.io/stage", "dev");
        StageWork.KeysFor(index, run).Single().Name.ShouldBe("dev");
        StageWork.KeysFor(index, Change(ChangeType.Modified, "Warehouse", "w")).ShouldBeEmpty();

        StageWork.KeysFor(index, Change(ChangeType.Deleted, "Stage", "uat"));
        StageWork.KeysFor(index, Change(ChangeType.Added, "Freight", "f2")).Single().Name.ShouldBe("dev");
    }
}
