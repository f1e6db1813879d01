using System.Text.Json;
using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using static Dray.Core.Tests.Warehouses.WarehouseTestBed;

namespace Dray.Core.Tests.Warehouses;

/// <summary>freightCreationCriteria and unsupported subscription types, through the reconciler over real SQLite.</summary>
public sealed class FreightCreationCriteriaTests : IAsyncLifetime
{
    private readonly WarehouseTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static Warehouse WithCriteria(string expression) =>
        ImageWarehouse() with { Spec = ImageWarehouse().Spec with { FreightCreationCriteria = new FreightCreationCriteria { Expression = expression } } };

    private async Task<Condition> ReadyAsync() =>
        (await _bed.GetWarehouseAsync()).Status!.Conditions!.Single(c => c.Type == WarehouseConditions.Ready);

    [Fact]
    public async Task Freight_is_created_only_when_the_criteria_hold()
    {
        await _bed.CreateAsync(WithCriteria("imageFrom('127.0.0.1:5000/nginx').Tag == '1.25.0'"));
        _bed.ImagesAre(("1.24.0", Digest124));

        await _bed.ReconcileAsync();

        (await _bed.ListFreightAsync()).ShouldBeEmpty();
        (await ReadyAsync()).Message.ShouldBe("Artifacts discovered; no Freight: freightCreationCriteria not met");

        _bed.ImagesAre(("1.25.0", Digest125), ("1.24.0", Digest124));
        _bed.Time.Advance(TimeSpan.FromMinutes(5));
        await _bed.ReconcileAsync();

        (await _bed.ListFreightAsync()).ShouldHaveSingleItem().Images!.Single().Tag.ShouldBe("1.25.0");
    }

    [Theory]
    [InlineData("'true'", 1)]
    [InlineData("'F'", 0)]
    [InlineData("true && imageFrom('127.0.0.1:5000/nginx').Digest != ''", 1)]
    public async Task String_results_are_read_as_go_booleans(string expression, int expectedFreight)
    {
        await _bed.CreateAsync(WithCriteria(expression));
        _bed.ImagesAre(("1.24.0", Digest124));

        await _bed.ReconcileAsync();

        (await _bed.ListFreightAsync()).Count.ShouldBe(expectedFreight);
    }

    [Theory]
    [InlineData("imageFrom(", "freightCreationCriteria: ")]
    [InlineData("42", "freightCreationCriteria: the expression must yield a boolean, got 42")]
    public async Task A_broken_expression_is_a_failure_on_the_warehouse(string expression, string messageStart)
    {
        await _bed.CreateAsync(WithCriteria(expression));
        _bed.ImagesAre(("1.24.0", Digest124));

        await _bed.ReconcileAsync();

        var ready = await ReadyAsync();
        ready.Status.ShouldBe(ConditionStatus.False);
        ready.Message.ShouldStartWith(messageStart);
        (await _bed.ListFreightAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_generic_subscription_type_is_reported_as_unsupported()
    {
        var generic = new RepoSubscription
        {
            Name = "models",
            Generic = new Dictionary<string, JsonElement> { ["s3"] = JsonDocument.Parse("""{"config":{"bucket":"b"}}""").RootElement },
        };
        await _bed.CreateAsync(ImageWarehouse() with { Spec = ImageWarehouse().Spec with { Subscriptions = [generic] } });

        await _bed.ReconcileAsync();

        (await ReadyAsync()).Message.ShouldBe("s3 subscription (models): this subscription type is not supported (only image, git and chart are)");
    }

    [Fact]
    public async Task A_type_without_a_discoverer_on_this_server_says_so()
    {
        var discovery = new WarehouseDiscovery(
            new UnavailableDiscoverer<ImageSubscription, ImageDiscoveryResult>("image"),
            _bed.Git,
            _bed.Charts,
            new SecretCredentialProvider(_bed.Store, new StoredSecretValues(_bed.Store)));

        var error = await Should.ThrowAsync<DiscoveryFailedException>(() => discovery.DiscoverAsync(ImageWarehouse(), null, CancellationToken.None));

        error.Message.ShouldBe("image \"127.0.0.1:5000/nginx\": image discovery is not available on this server");
    }
}
