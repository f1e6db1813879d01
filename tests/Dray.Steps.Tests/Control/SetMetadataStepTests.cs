using System.Text.Json.Nodes;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Steps.Control;
using Dray.Storage.Sqlite;

namespace Dray.Steps.Tests.Control;

/// <summary><c>set-metadata</c> against the real SQLite store.</summary>
public sealed class SetMetadataStepTests : IAsyncLifetime
{
    private const string FreightName = "0123456789abcdef0123456789abcdef01234567";
    private readonly StepHarness _h = new();
    private SqliteResourceStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_h.Outside, "dray.db") }, TimeProvider.System);
        var origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "w" };
        await _store.CreateAsync(KargoJson.ToDocument(new Stage
        {
            Metadata = new ObjectMeta { Name = "test", Namespace = "demo" },
            Spec = new StageSpec { RequestedFreight = [new FreightRequest { Origin = origin, Sources = new FreightSources { Direct = true } }] },
        }), CancellationToken.None);
        var freight = KargoJson.ToDocument(new Freight
        {
            Metadata = new ObjectMeta { Name = FreightName, Namespace = "demo" },
            Origin = origin,
            Images = [new Image { RepoURL = "registry.example/app", Tag = "1.0.0" }],
        });
        var created = (await _store.CreateAsync(freight, CancellationToken.None)).Clone();
        created.Json["status"] = JsonNode.Parse("""{"metadata":{"keep":"me","ticket":"OLD-1"}}""");
        await _store.UpdateStatusAsync(created, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _h.Dispose();
    }

    [Fact]
    public async Task Merges_values_into_the_status_metadata_of_a_Stage_and_a_Freight()
    {
        var config = $$$$"""
            {"updates":[
              {"kind":"Stage","name":"test","values":{"lastTicket":"CHG-42","approvals":{"qa":true}}},
              {"kind":"Freight","name":"{{{{FreightName}}}}","values":{"ticket":"CHG-42","score":7}}]}
            """;

        var result = await _h.RunAsync(new SetMetadataStep(_store), config);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        (await MetadataAsync(ResourceKinds.Stage.Kind, "test")).ShouldBe("""{"lastTicket":"CHG-42","approvals":{"qa":true}}""");
        (await MetadataAsync(ResourceKinds.Freight.Kind, FreightName)).ShouldBe("""{"keep":"me","ticket":"CHG-42","score":7}""");
    }

    [Fact]
    public async Task Running_twice_with_the_same_values_writes_nothing_the_second_time()
    {
        var config = """{"updates":[{"kind":"Stage","name":"test","values":{"a":"b"}}]}""";
        await _h.RunAsync(new SetMetadataStep(_store), config);
        var before = (await _store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, "demo", "test"), CancellationToken.None))!.ResourceVersion;

        var result = await _h.RunAsync(new SetMetadataStep(_store), config);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded);
        (await _store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, "demo", "test"), CancellationToken.None))!.ResourceVersion.ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"updates":[{"kind":"Stage","name":"ghost","values":{}}]}""", PromotionStepStatus.Errored, "config.updates[0]: Stage \"ghost\" not found in project \"demo\"")]
    [InlineData("""{"updates":[{"kind":"Warehouse","name":"w","values":{}}]}""", PromotionStepStatus.Failed, "invalid config: config.updates[0].kind: must match ^(Stage|Freight)$")]
    [InlineData("""{"updates":[{"kind":"Stage","name":"test"}]}""", PromotionStepStatus.Failed, "invalid config: config.updates[0].values: required")]
    [InlineData("""{"updates":[]}""", PromotionStepStatus.Failed, "invalid config: config.updates: must have at least 1 item(s)")]
    public async Task Bad_targets_are_terminal_and_named(string config, PromotionStepStatus status, string message)
    {
        var result = await _h.RunAsync(new SetMetadataStep(_store), config);

        result.Status.ShouldBe(status);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe(message);
    }

    private async Task<string> MetadataAsync(string kind, string name)
    {
        var document = await _store.GetAsync(new ResourceKey(kind, "demo", name), CancellationToken.None);
        return document!.Status!["metadata"]!.ToJsonString();
    }
}
