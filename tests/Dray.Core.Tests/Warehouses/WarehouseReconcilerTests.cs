using System.Net.Http;
using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Warehouses;
using static Dray.Core.Tests.Warehouses.WarehouseTestBed;

namespace Dray.Core.Tests.Warehouses;

public sealed class WarehouseReconcilerTests : IAsyncLifetime
{
    private readonly WarehouseTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static Condition Condition(Warehouse warehouse, string type) =>
        warehouse.Status!.Conditions!.Single(c => c.Type == type);

    [Fact]
    public async Task First_discovery_records_artifacts_and_creates_content_addressed_freight_with_an_alias()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());

        var result = await _bed.ReconcileAsync();

        var warehouse = await _bed.GetWarehouseAsync();
        var freight = (await _bed.ListFreightAsync()).ShouldHaveSingleItem();
        var expectedId = FreightId.Compute(
            new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "w" },
            null,
            [new Image { RepoURL = "127.0.0.1:5000/nginx", Tag = "1.24.0", Digest = Digest124 }],
            null,
            null);
        freight.Metadata.Name.ShouldBe(expectedId);
        freight.Alias.ShouldNotBeNullOrEmpty();
        freight.Metadata.Labels![KargoLabels.Alias].ShouldBe(freight.Alias);
        freight.Origin.Name.ShouldBe("w");
        freight.DiscoveredAt.ShouldBe(_bed.Time.GetUtcNow());
        freight.Images.ShouldNotBeNull().Single().Tag.ShouldBe("1.24.0");

        var status = warehouse.Status.ShouldNotBeNull();
        status.LastFreightID.ShouldBe(expectedId);
        status.ObservedGeneration.ShouldBe(1);
        status.DiscoveredArtifacts!.DiscoveredAt.ShouldBe(_bed.Time.GetUtcNow());
        status.DiscoveredArtifacts.Images!.Single().References!.Single().Digest.ShouldBe(Digest124);
        Condition(warehouse, WarehouseConditions.Ready).Status.ShouldBe(ConditionStatus.True);
        Condition(warehouse, WarehouseConditions.Healthy).Status.ShouldBe(ConditionStatus.True);
        status.Conditions!.ShouldNotContain(c => c.Type == WarehouseConditions.Reconciling);
        result.RequeueAfter.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Each_discovery_is_handed_what_the_last_one_found_for_the_same_subscription()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        var warehouse = ImageWarehouse();
        warehouse = warehouse with
        {
            Spec = warehouse.Spec with
            {
                Subscriptions =
                [
                    new RepoSubscription { Image = new ImageSubscription { RepoURL = "127.0.0.1:5000/nginx" } },
                    new RepoSubscription { Name = "other", Image = new ImageSubscription { RepoURL = "127.0.0.1:5000/other" } },
                ],
            },
        };
        await _bed.CreateAsync(warehouse);
        await _bed.ReconcileAsync();
        _bed.ImagesAre(("1.25.0", Digest125));

        _bed.Time.Advance(TimeSpan.FromMinutes(5));
        await _bed.ReconcileAsync();

        _bed.Images.PreviousSeen.Count.ShouldBe(4);
        _bed.Images.PreviousSeen.Take(2).ShouldAllBe(p => p == null, "the first discovery has nothing before it");
        _bed.Images.PreviousSeen.Skip(2).Select(p => (p!.RepoURL, p.SubscriptionName))
            .ShouldBe([("127.0.0.1:5000/nginx", null), ("127.0.0.1:5000/other", "other")], ignoreOrder: true);
        _bed.Images.PreviousSeen.Skip(2).ShouldAllBe(p => p!.References!.Single().Tag == "1.24.0");
    }

    [Fact]
    public async Task A_first_discovery_and_a_refresh_let_discoverers_share_a_look_but_a_periodic_one_does_not_say()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await _bed.ReconcileAsync();
        var asked = _bed.Time.GetUtcNow();
        await _bed.Store.UpdateAsync(await WithRefreshAsync(asked.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        _bed.Time.Advance(TimeSpan.FromSeconds(2));

        await _bed.ReconcileAsync();
        _bed.Time.Advance(TimeSpan.FromMinutes(5));
        await _bed.ReconcileAsync();

        _bed.Images.FreshAfterSeen.ShouldBe([asked, asked, null], "first discovery (since created), the refresh (since asked), then the periodic one");
    }

    private async Task<Dray.Core.Resources.ResourceDocument> WithRefreshAsync(string token)
    {
        var document = (await _bed.Store.GetAsync(Key(), CancellationToken.None))!;
        document.SetAnnotation(KargoAnnotations.Refresh, token);
        return document;
    }

    [Fact]
    public async Task An_idle_warehouse_makes_no_writes_and_no_discovery_before_its_interval()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse(interval: "10m"));
        await _bed.ReconcileAsync();
        var revision = await _bed.RevisionAsync();

        _bed.Time.Advance(TimeSpan.FromMinutes(4));
        var result = await _bed.ReconcileAsync();

        _bed.Images.Calls.ShouldBe(1);
        result.RequeueAfter.ShouldBe(TimeSpan.FromMinutes(6));
        (await _bed.RevisionAsync()).ShouldBe(revision);
    }

    [Fact]
    public async Task A_periodic_discovery_that_finds_nothing_new_writes_nothing()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await _bed.ReconcileAsync();
        var revision = await _bed.RevisionAsync();

        _bed.Time.Advance(TimeSpan.FromMinutes(5));
        await _bed.ReconcileAsync();

        _bed.Images.Calls.ShouldBe(2);
        (await _bed.RevisionAsync()).ShouldBe(revision);
    }

    [Fact]
    public async Task A_new_best_match_makes_new_freight_with_a_different_alias()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await _bed.ReconcileAsync();

        _bed.ImagesAre(("1.25.0", Digest125), ("1.24.0", Digest124));
        _bed.Time.Advance(TimeSpan.FromMinutes(5));
        await _bed.ReconcileAsync();

        var freight = await _bed.ListFreightAsync();
        freight.Count.ShouldBe(2);
        freight.Select(f => f.Alias).Distinct().Count().ShouldBe(2);
        var newest = freight.Single(f => f.Images![0].Tag == "1.25.0");
        var warehouse = await _bed.GetWarehouseAsync();
        warehouse.Status!.LastFreightID.ShouldBe(newest.Metadata.Name);
        warehouse.Status.DiscoveredArtifacts!.DiscoveredAt.ShouldBe(_bed.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_new_refresh_token_discovers_at_once_and_is_echoed()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await _bed.ReconcileAsync();

        var document = (await _bed.Store.GetAsync(Key(), CancellationToken.None))!;
        document.SetAnnotation(KargoAnnotations.Refresh, "2026-11-26T05:00:01Z");
        await _bed.Store.UpdateAsync(document, CancellationToken.None);
        _bed.Time.Advance(TimeSpan.FromSeconds(30));
        await _bed.ReconcileAsync();

        _bed.Images.Calls.ShouldBe(2);
        var status = (await _bed.GetWarehouseAsync()).Status!;
        status.LastHandledRefresh.ShouldBe("2026-11-26T05:00:01Z");
        status.DiscoveredArtifacts!.DiscoveredAt.ShouldBe(_bed.Time.GetUtcNow(), "a refresh records when discovery ran even when nothing changed");

        await _bed.ReconcileAsync();
        _bed.Images.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_spec_change_discovers_at_once_and_records_the_observed_generation()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await _bed.ReconcileAsync();

        await _bed.Store.UpdateAsync(KargoJson.ToDocument(ImageWarehouse(repo: "127.0.0.1:5000/other")), CancellationToken.None);
        await _bed.ReconcileAsync();

        _bed.Images.Calls.ShouldBe(2);
        var warehouse = await _bed.GetWarehouseAsync();
        warehouse.Status!.ObservedGeneration.ShouldBe(2);
        warehouse.Status.DiscoveredArtifacts!.Images!.Single().RepoURL.ShouldBe("127.0.0.1:5000/other");
        (await _bed.ListFreightAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Failures_set_conditions_back_off_and_recover_by_themselves()
    {
        await _bed.CreateAsync(ImageWarehouse());
        _bed.Images.Failure = new HttpRequestException("registry 127.0.0.1:5000 unreachable: connection refused");

        var first = await _bed.ReconcileAsync();

        first.RequeueAfter.ShouldBe(TimeSpan.FromSeconds(10));
        var failed = await _bed.GetWarehouseAsync();
        Condition(failed, WarehouseConditions.Ready).Status.ShouldBe(ConditionStatus.False);
        Condition(failed, WarehouseConditions.Healthy).Message
            .ShouldBe("image \"127.0.0.1:5000/nginx\": registry 127.0.0.1:5000 unreachable: connection refused; retrying in 10s");
        Condition(failed, WarehouseConditions.Reconciling).Status.ShouldBe(ConditionStatus.True);
        failed.Status!.ObservedGeneration.ShouldBe(1);

        // Before the backoff has passed, nothing happens; then each failure doubles the wait.
        (await _bed.ReconcileAsync()).RequeueAfter.ShouldBe(TimeSpan.FromSeconds(10));
        _bed.Images.Calls.ShouldBe(1);
        _bed.Time.Advance(TimeSpan.FromSeconds(10));
        (await _bed.ReconcileAsync()).RequeueAfter.ShouldBe(TimeSpan.FromSeconds(20));
        _bed.Time.Advance(TimeSpan.FromSeconds(20));
        (await _bed.ReconcileAsync()).RequeueAfter.ShouldBe(TimeSpan.FromSeconds(40));
        Condition(await _bed.GetWarehouseAsync(), WarehouseConditions.Healthy).Message.ShouldEndWith("; retrying in 40s");
        Condition(await _bed.GetWarehouseAsync(), WarehouseConditions.Ready).LastTransitionTime.ShouldBe(Condition(failed, WarehouseConditions.Ready).LastTransitionTime);

        _bed.Images.Failure = null;
        _bed.ImagesAre(("1.24.0", Digest124));
        _bed.Time.Advance(TimeSpan.FromSeconds(40));
        (await _bed.ReconcileAsync()).RequeueAfter.ShouldBe(TimeSpan.FromMinutes(5));

        var recovered = await _bed.GetWarehouseAsync();
        Condition(recovered, WarehouseConditions.Ready).Status.ShouldBe(ConditionStatus.True);
        Condition(recovered, WarehouseConditions.Healthy).Status.ShouldBe(ConditionStatus.True);
        recovered.Status!.Conditions!.ShouldNotContain(c => c.Type == WarehouseConditions.Reconciling);
        (await _bed.ListFreightAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_failure_keeps_the_last_good_discovery()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await _bed.ReconcileAsync();
        var good = (await _bed.GetWarehouseAsync()).Status!;

        _bed.Images.Failure = new HttpRequestException("boom");
        _bed.Time.Advance(TimeSpan.FromMinutes(5));
        await _bed.ReconcileAsync();

        var status = (await _bed.GetWarehouseAsync()).Status!;
        status.LastFreightID.ShouldBe(good.LastFreightID);
        status.DiscoveredArtifacts.ShouldBe(good.DiscoveredArtifacts, new DiscoveredArtifactsComparer());
    }

    [Fact]
    public async Task The_manual_policy_discovers_but_creates_no_freight()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse(policy: FreightCreationPolicy.Manual));

        await _bed.ReconcileAsync();

        (await _bed.ListFreightAsync()).ShouldBeEmpty();
        var status = (await _bed.GetWarehouseAsync()).Status!;
        status.DiscoveredArtifacts!.Images.ShouldNotBeNull().ShouldHaveSingleItem();
        status.LastFreightID.ShouldBeNull();
    }

    [Fact]
    public async Task An_empty_subscription_creates_no_freight_and_says_so()
    {
        _bed.ImagesAre();
        await _bed.CreateAsync(ImageWarehouse());

        await _bed.ReconcileAsync();

        (await _bed.ListFreightAsync()).ShouldBeEmpty();
        Condition(await _bed.GetWarehouseAsync(), WarehouseConditions.Ready).Message
            .ShouldBe("Artifacts discovered; no Freight: image \"127.0.0.1:5000/nginx\" found no artifacts");
    }

    [Fact]
    public async Task Existing_freight_with_the_same_content_is_left_alone()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        var handMade = FreightValidator.WithComputedName(new Freight
        {
            Metadata = new ObjectMeta { Namespace = Project, Labels = new Dictionary<string, string> { [KargoLabels.Alias] = "hand-made" } },
            Alias = "hand-made",
            Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "w" },
            Images = [new Image { RepoURL = "127.0.0.1:5000/nginx", Tag = "1.24.0", Digest = Digest124 }],
        });
        await _bed.Store.CreateAsync(KargoJson.ToDocument(handMade), CancellationToken.None);

        await _bed.ReconcileAsync();

        (await _bed.ListFreightAsync()).ShouldHaveSingleItem().Alias.ShouldBe("hand-made");
        (await _bed.GetWarehouseAsync()).Status!.LastFreightID.ShouldBe(handMade.Metadata.Name);
    }

    [Fact]
    public async Task A_deleted_warehouse_is_done()
    {
        (await _bed.ReconcileAsync("gone")).RequeueAfter.ShouldBeNull();
        _bed.Images.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task The_operator_minimum_interval_wins_over_a_shorter_spec_interval()
    {
        await using var bed = new WarehouseTestBed(new WarehouseReconcilerOptions { MinInterval = TimeSpan.FromMinutes(5), Random = () => 0 });
        bed.ImagesAre(("1.24.0", Digest124));
        await bed.CreateAsync(ImageWarehouse(interval: "30s"));

        (await bed.ReconcileAsync()).RequeueAfter.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Matching_project_credentials_are_passed_to_the_discoverer()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await CreateSecretAsync("a-other", "^ghcr\\.io/.*$", regex: true);
        await CreateSecretAsync("b-regex", "^127\\.0\\.0\\.1:5000/.*$", regex: true);
        await CreateSecretAsync("c-exact", "127.0.0.1:5000/nginx", regex: false);

        await _bed.ReconcileAsync();

        var credentials = _bed.Images.CredentialsSeen.ShouldHaveSingleItem().ShouldNotBeNull();
        credentials.SecretName.ShouldBe("c-exact");
        credentials.Username.ShouldBe("user-c-exact");
        credentials.Password.ShouldBe("pw");
        credentials.ToString().ShouldNotContain("pw");
    }

    [Fact]
    public async Task Shared_credentials_serve_projects_without_a_match_of_their_own()
    {
        _bed.ImagesAre(("1.24.0", Digest124));
        await _bed.CreateAsync(ImageWarehouse());
        await CreateSecretAsync("shared", "127.0.0.1:5000/nginx", regex: false, SecretCredentialProvider.SharedProject);
        await CreateSecretAsync("unrelated", "ghcr.io/other", regex: false);

        await _bed.ReconcileAsync();
        _bed.Images.CredentialsSeen.ShouldHaveSingleItem().ShouldNotBeNull().SecretName.ShouldBe("shared");

        await CreateSecretAsync("own", "127.0.0.1:5000/nginx", regex: false);
        _bed.Time.Advance(TimeSpan.FromMinutes(5));
        await _bed.ReconcileAsync();
        _bed.Images.CredentialsSeen.Count.ShouldBe(2);
        _bed.Images.CredentialsSeen[1].ShouldNotBeNull().SecretName.ShouldBe("own", "the project's own Secret wins over a shared one");
    }

    private async Task CreateSecretAsync(string name, string repoUrl, bool regex, string project = Project)
    {
        var data = new Dictionary<string, string>
        {
            ["repoURL"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(repoUrl)),
            ["username"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user-" + name)),
            ["password"] = Convert.ToBase64String("pw"u8.ToArray()),
        };
        if (regex)
        {
            data["repoURLIsRegex"] = Convert.ToBase64String("true"u8.ToArray());
        }

        var secret = new Secret
        {
            Metadata = new ObjectMeta { Name = name, Namespace = project, Labels = new Dictionary<string, string> { [KargoLabels.CredentialType] = CredentialType.Image } },
            Data = data,
        };
        await _bed.Store.CreateAsync(KargoJson.ToDocument(secret), CancellationToken.None);
    }

    private sealed class DiscoveredArtifactsComparer : IEqualityComparer<DiscoveredArtifacts?>
    {
        public bool Equals(DiscoveredArtifacts? x, DiscoveredArtifacts? y) =>
            x?.DiscoveredAt == y?.DiscoveredAt && WarehouseStatusCalculator.SameArtifacts(x, y);

        public int GetHashCode(DiscoveredArtifacts? obj) => 0;
    }
}
