using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using static Dray.TestKit.Storage.TestDocuments;

namespace Dray.TestKit.Storage;

/// <summary>
/// The contract of <see cref="IResourceStore"/> as tests: every implementation subclasses this once.
/// Each statement of the interface remarks has at least one test here.
/// </summary>
public abstract class ResourceStoreComplianceTests : IAsyncLifetime
{
    /// <summary>The number of changes a store under test keeps in its change feed (not more).</summary>
    protected const int ChangeRetention = 50;

    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(60);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    protected IResourceStore Store { get; private set; } = null!;

    private static CancellationToken Ct => CancellationToken.None;

    /// <summary>Creates an empty store on fresh storage that retains exactly <see cref="ChangeRetention"/> changes.</summary>
    protected abstract Task<IResourceStore> CreateStoreAsync(FakeTimeProvider time);

    /// <summary>Disposes <paramref name="store"/> and opens a new store on the same storage, as a process restart would.</summary>
    protected abstract Task<IResourceStore> ReopenStoreAsync(IResourceStore store, FakeTimeProvider time);

    public virtual async Task InitializeAsync() => Store = await CreateStoreAsync(Time);

    public virtual async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task Create_sets_uid_creation_timestamp_generation_and_resource_version()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);

        Guid.TryParse((string?)created.Metadata["uid"], out _).ShouldBeTrue();
        ((string?)created.Metadata["creationTimestamp"]).ShouldBe("2026-03-04T05:06:07Z");
        created.Generation.ShouldBe(1);
        created.ResourceVersion.ShouldBe(1);
        (await Store.GetRevisionAsync(Ct)).ShouldBe(1);

        var read = await Store.GetAsync(created.Key, Ct);
        read.ShouldNotBeNull();
        read.ToJsonString().ShouldBe(created.ToJsonString());
    }

    [Fact]
    public async Task Every_create_gets_its_own_uid()
    {
        var a = await Store.CreateAsync(Stage("p1", "a"), Ct);
        var b = await Store.CreateAsync(Stage("p1", "b"), Ct);

        ((string?)a.Metadata["uid"]).ShouldNotBe((string?)b.Metadata["uid"]);
    }

    [Fact]
    public async Task Get_returns_null_for_a_missing_document_and_keys_include_the_namespace()
    {
        await Store.CreateAsync(Stage("p1", "dev"), Ct);

        (await Store.GetAsync(new ResourceKey("Stage", "p1", "prod"), Ct)).ShouldBeNull();
        (await Store.GetAsync(new ResourceKey("Stage", "p2", "dev"), Ct)).ShouldBeNull();
        (await Store.GetAsync(new ResourceKey("Warehouse", "p1", "dev"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Cluster_scoped_documents_have_no_namespace()
    {
        var created = await Store.CreateAsync(Project("alpha"), Ct);

        created.Namespace.ShouldBeNull();
        (await Store.GetAsync(new ResourceKey("Project", null, "alpha"), Ct)).ShouldNotBeNull();
        var page = await Store.ListAsync(new ListQuery("Project"), Ct);
        page.Items.Select(d => d.Name).ShouldBe(["alpha"]);
    }

    [Fact]
    public async Task Create_of_an_existing_key_fails_and_writes_nothing()
    {
        await Store.CreateAsync(Stage("p1", "dev"), Ct);

        var error = await Should.ThrowAsync<ResourceAlreadyExistsException>(() => Store.CreateAsync(Stage("p1", "dev", "other"), Ct));

        error.Key.ShouldBe(new ResourceKey("Stage", "p1", "dev"));
        (await Store.GetRevisionAsync(Ct)).ShouldBe(1);
        (await Store.GetAsync(error.Key, Ct))!.Spec!.ToJsonString().ShouldContain("\"main\"");
    }

    [Fact]
    public async Task Update_and_status_update_of_a_missing_document_fail_with_not_found()
    {
        await Should.ThrowAsync<ResourceNotFoundException>(() => Store.UpdateAsync(Stage("p1", "dev"), Ct));
        await Should.ThrowAsync<ResourceNotFoundException>(() => Store.UpdateStatusAsync(WithStatus(Stage("p1", "dev"), Status("x")), Ct));
        (await Store.GetRevisionAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Update_with_a_stale_resource_version_fails_with_conflict_and_zero_is_unconditional()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);
        var updated = await Store.UpdateAsync(WithWarehouse(created, "second"), Ct);

        var error = await Should.ThrowAsync<ResourceConflictException>(() => Store.UpdateAsync(WithWarehouse(created, "third"), Ct));
        error.Expected.ShouldBe(created.ResourceVersion);
        error.Actual.ShouldBe(updated.ResourceVersion);
        await Should.ThrowAsync<ResourceConflictException>(() => Store.UpdateStatusAsync(WithStatus(created, Status("x")), Ct));

        var unconditional = WithWarehouse(created, "third");
        unconditional.ResourceVersion = 0;
        (await Store.UpdateAsync(unconditional, Ct)).ResourceVersion.ShouldBe(3);
    }

    [Fact]
    public async Task Delete_removes_the_document_checks_the_expected_version_and_reports_missing_documents()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);
        var updated = await Store.UpdateAsync(WithWarehouse(created, "second"), Ct);

        await Should.ThrowAsync<ResourceConflictException>(() => Store.DeleteAsync(created.Key, created.ResourceVersion, Ct));
        (await Store.GetAsync(created.Key, Ct)).ShouldNotBeNull();

        (await Store.DeleteAsync(created.Key, updated.ResourceVersion, Ct)).ShouldBeTrue();
        (await Store.GetAsync(created.Key, Ct)).ShouldBeNull();
        (await Store.GetRevisionAsync(Ct)).ShouldBe(3);

        (await Store.DeleteAsync(created.Key, 0, Ct)).ShouldBeFalse();
        (await Store.GetRevisionAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task Every_write_takes_the_next_store_wide_revision()
    {
        var revisions = new List<long>
        {
            (await Store.CreateAsync(Project("p1"), Ct)).ResourceVersion,
            (await Store.CreateAsync(Warehouse("p1", "main"), Ct)).ResourceVersion,
            (await Store.CreateAsync(Stage("p1", "dev"), Ct)).ResourceVersion,
            (await Store.CreateAsync(Stage("p2", "dev"), Ct)).ResourceVersion,
        };
        var stage = (await Store.GetAsync(new ResourceKey("Stage", "p1", "dev"), Ct))!;
        revisions.Add((await Store.UpdateStatusAsync(WithStatus(stage, Status("Healthy")), Ct)).ResourceVersion);

        revisions.ShouldBe([1, 2, 3, 4, 5]);
        (await Store.GetRevisionAsync(Ct)).ShouldBe(5);
        (await Store.ListAsync(new ListQuery("Stage"), Ct)).Revision.ShouldBe(5);
    }

    [Fact]
    public async Task A_spec_change_increments_generation_and_a_metadata_or_status_change_does_not()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);

        var labelled = created.Clone();
        labelled.SetLabel("team", "blue");
        labelled = await Store.UpdateAsync(labelled, Ct);
        labelled.Generation.ShouldBe(1);
        labelled.ResourceVersion.ShouldBe(2);

        var withStatus = await Store.UpdateStatusAsync(WithStatus(labelled, Status("Healthy")), Ct);
        withStatus.Generation.ShouldBe(1);

        var respecced = await Store.UpdateAsync(WithWarehouse(withStatus, "second"), Ct);
        respecced.Generation.ShouldBe(2);
        respecced.ResourceVersion.ShouldBe(4);
        ((string?)respecced.Metadata["uid"]).ShouldBe((string?)created.Metadata["uid"]);
        ((string?)respecced.Metadata["creationTimestamp"]).ShouldBe((string?)created.Metadata["creationTimestamp"]);
    }

    [Fact]
    public async Task Writes_that_change_nothing_keep_the_revision_and_emit_no_change()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev", labels: new Dictionary<string, string> { ["a"] = "1" }), Ct);
        var withStatus = await Store.UpdateStatusAsync(WithStatus(created, Status("Healthy")), Ct);

        var sameSpec = await Store.UpdateAsync(withStatus.Clone(), Ct);
        var sameStatus = await Store.UpdateStatusAsync(withStatus.Clone(), Ct);
        var upsert = await Store.CommitAsync([new WriteOperation(WriteOperationType.Upsert, Stage("p1", "dev", labels: new Dictionary<string, string> { ["a"] = "1" }))], Ct);

        sameSpec.ResourceVersion.ShouldBe(2);
        sameStatus.ResourceVersion.ShouldBe(2);
        upsert[0].Outcome.ShouldBe(WriteOutcome.Unchanged);
        (await Store.GetRevisionAsync(Ct)).ShouldBe(2);

        var relabelled = withStatus.Clone();
        relabelled.SetLabel("a", "2");
        await Store.UpdateAsync(relabelled, Ct);
        var history = await CollectAsync(Store.WatchAsync(new WatchQuery(), Ct), 3);
        history.Select(c => (c.Revision, c.Type)).ShouldBe([(1L, ChangeType.Added), (2L, ChangeType.Modified), (3L, ChangeType.Modified)]);
    }

    [Fact]
    public async Task Update_keeps_the_stored_status()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);
        var withStatus = await Store.UpdateStatusAsync(WithStatus(created, Status("Healthy")), Ct);

        var updated = await Store.UpdateAsync(WithStatus(WithWarehouse(withStatus, "second"), Status("Bogus")), Ct);
        var stripped = await Store.UpdateAsync(WithStatus(WithWarehouse(updated, "third"), null), Ct);

        ((string?)updated.Status!["phase"]).ShouldBe("Healthy");
        ((string?)stripped.Status!["phase"]).ShouldBe("Healthy");
        ((string?)(await Store.GetAsync(created.Key, Ct))!.Status!["phase"]).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Update_status_changes_only_the_status()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);
        var attempt = WithStatus(WithWarehouse(created, "second"), Status("Healthy"));
        attempt.SetLabel("sneaky", "yes");

        var updated = await Store.UpdateStatusAsync(attempt, Ct);

        ((string?)updated.Status!["phase"]).ShouldBe("Healthy");
        updated.GetLabel("sneaky").ShouldBeNull();
        updated.Spec!.ToJsonString().ShouldBe(created.Spec!.ToJsonString());
        updated.Generation.ShouldBe(1);
        (await Store.GetAsync(created.Key, Ct))!.ToJsonString().ShouldBe(updated.ToJsonString());
    }

    [Fact]
    public async Task Commit_applies_operations_in_order_and_reports_each_outcome()
    {
        var existing = await Store.CreateAsync(Stage("p1", "dev"), Ct);

        var results = await Store.CommitAsync(
        [
            new WriteOperation(WriteOperationType.Create, Warehouse("p1", "main")),
            new WriteOperation(WriteOperationType.Upsert, Stage("p1", "prod")),
            new WriteOperation(WriteOperationType.Upsert, WithWarehouse(existing, "second")),
            new WriteOperation(WriteOperationType.UpdateStatus, WithStatus(Stage("p1", "prod"), Status("Healthy"))),
            new WriteOperation(WriteOperationType.Update, Stage("p1", "prod")),
            new WriteOperation(WriteOperationType.Delete, Warehouse("p1", "main")),
            new WriteOperation(WriteOperationType.Delete, Warehouse("p1", "never")),
        ], Ct);

        results.Select(r => r.Outcome).ShouldBe(
        [
            WriteOutcome.Created, WriteOutcome.Created, WriteOutcome.Updated, WriteOutcome.Updated,
            WriteOutcome.Unchanged, WriteOutcome.Deleted, WriteOutcome.NotFound,
        ]);
        // A deletion reports the last stored state, so the deleted Warehouse still shows the revision that created it.
        results.Take(6).Select(r => r.Document!.ResourceVersion).ShouldBe([2L, 3, 4, 5, 5, 2]);
        results[6].Document.ShouldBeNull();
        (await Store.GetRevisionAsync(Ct)).ShouldBe(6);
        (await Store.GetAsync(new ResourceKey("Warehouse", "p1", "main"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Commit_is_atomic_when_an_operation_in_the_middle_fails()
    {
        var existing = await Store.CreateAsync(Stage("p1", "dev"), Ct);

        await Should.ThrowAsync<ResourceAlreadyExistsException>(() => Store.CommitAsync(
        [
            new WriteOperation(WriteOperationType.Create, Warehouse("p1", "main")),
            new WriteOperation(WriteOperationType.Update, WithWarehouse(existing, "second")),
            new WriteOperation(WriteOperationType.Create, Stage("p1", "dev")),
            new WriteOperation(WriteOperationType.Create, Stage("p1", "prod")),
        ], Ct));

        (await Store.GetRevisionAsync(Ct)).ShouldBe(1);
        (await Store.GetAsync(new ResourceKey("Warehouse", "p1", "main"), Ct)).ShouldBeNull();
        (await Store.GetAsync(new ResourceKey("Stage", "p1", "prod"), Ct)).ShouldBeNull();
        (await Store.GetAsync(existing.Key, Ct))!.ToJsonString().ShouldBe(existing.ToJsonString());

        // The next write takes revision 2, and the feed holds nothing of the failed batch.
        await Store.CreateAsync(Stage("p1", "qa"), Ct);
        var history = await CollectAsync(Store.WatchAsync(new WatchQuery(), Ct), 2);
        history.Select(c => (c.Revision, c.Document.Name)).ShouldBe([(1L, "dev"), (2L, "qa")]);
    }

    [Fact]
    public async Task List_pages_through_many_documents_in_ordinal_order_without_gaps_or_duplicates()
    {
        var expected = new List<(string Namespace, string Name)>();
        var operations = new List<WriteOperation>();
        foreach (var project in new[] { "b-project", "a-project", "c-project" })
        {
            for (var i = 0; i < 83; i++)
            {
                var name = $"stage-{(i * 37) % 83:D3}{(i % 2 == 0 ? "" : "-x")}";
                operations.Add(new WriteOperation(WriteOperationType.Create, Stage(project, name)));
                expected.Add((project, name));
            }
        }

        await Store.CommitAsync(operations, Ct);
        await Store.CreateAsync(Warehouse("a-project", "not-a-stage"), Ct);
        expected.Sort((x, y) => string.CompareOrdinal(x.Namespace, y.Namespace) is var c and not 0 ? c : string.CompareOrdinal(x.Name, y.Name));

        (await ListAllAsync(new ListQuery("Stage", Limit: 40))).ShouldBe(expected);
        (await ListAllAsync(new ListQuery("Stage", Limit: 1000))).ShouldBe(expected);
        (await ListAllAsync(new ListQuery("Stage"))).ShouldBe(expected);
        (await ListAllAsync(new ListQuery("Stage", "c-project", Limit: 7))).ShouldBe(expected.Where(e => e.Namespace == "c-project"));
    }

    [Fact]
    public async Task List_pages_stay_consistent_when_documents_are_written_between_pages()
    {
        await Store.CommitAsync(Enumerable.Range(0, 30).Select(i => new WriteOperation(WriteOperationType.Create, Stage("p1", $"s{i:D2}"))).ToList(), Ct);

        var first = await Store.ListAsync(new ListQuery("Stage", "p1", Limit: 10), Ct);
        await Store.DeleteAsync(new ResourceKey("Stage", "p1", "s05"), 0, Ct);
        await Store.CreateAsync(Stage("p1", "s00a"), Ct);
        await Store.CreateAsync(Stage("p1", "s15a"), Ct);
        var second = await Store.ListAsync(new ListQuery("Stage", "p1", Limit: 10, ContinueToken: first.ContinueToken), Ct);

        first.Items.Select(d => d.Name).ShouldBe(Enumerable.Range(0, 10).Select(i => $"s{i:D2}"));
        second.Items.Select(d => d.Name).ShouldBe(["s10", "s11", "s12", "s13", "s14", "s15", "s15a", "s16", "s17", "s18"]);
        second.Revision.ShouldBe(33);
    }

    [Fact]
    public async Task List_filters_by_every_label_pair()
    {
        Dictionary<string, string> Labels(string team, string tier) => new() { ["team"] = team, ["tier"] = tier };
        await Store.CommitAsync(
        [
            new WriteOperation(WriteOperationType.Create, Stage("p1", "a", labels: Labels("blue", "web"))),
            new WriteOperation(WriteOperationType.Create, Stage("p1", "b", labels: Labels("blue", "db"))),
            new WriteOperation(WriteOperationType.Create, Stage("p1", "c", labels: Labels("red", "web"))),
            new WriteOperation(WriteOperationType.Create, Stage("p2", "d", labels: Labels("blue", "web"))),
            new WriteOperation(WriteOperationType.Create, Stage("p1", "e")),
        ], Ct);

        async Task<string[]> NamesAsync(ListQuery query) => (await Store.ListAsync(query, Ct)).Items.Select(d => d.Name).ToArray();
        (await NamesAsync(new ListQuery("Stage", LabelSelector: new Dictionary<string, string> { ["team"] = "blue" }))).ShouldBe(["a", "b", "d"]);
        (await NamesAsync(new ListQuery("Stage", "p1", LabelSelector: Labels("blue", "web")))).ShouldBe(["a"]);
        (await NamesAsync(new ListQuery("Stage", LabelSelector: new Dictionary<string, string> { ["team"] = "green" }))).ShouldBeEmpty();

        var relabelled = (await Store.GetAsync(new ResourceKey("Stage", "p1", "a"), Ct))!;
        relabelled.SetLabel("team", "red");
        await Store.UpdateAsync(relabelled, Ct);
        (await NamesAsync(new ListQuery("Stage", "p1", LabelSelector: new Dictionary<string, string> { ["team"] = "red" }))).ShouldBe(["a", "c"]);

        var paged = await ListAllAsync(new ListQuery("Stage", Limit: 1, LabelSelector: new Dictionary<string, string> { ["tier"] = "web" }));
        paged.Select(k => k.Name).ShouldBe(["a", "c", "d"]);
    }

    [Fact]
    public async Task Watch_replays_history_after_the_requested_revision()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);
        var updated = await Store.UpdateStatusAsync(WithStatus(created, Status("Healthy")), Ct);
        await Store.DeleteAsync(created.Key, 0, Ct);

        var all = await CollectAsync(Store.WatchAsync(new WatchQuery(), Ct), 3);
        var afterFirst = await CollectAsync(Store.WatchAsync(new WatchQuery(FromRevision: 1), Ct), 2);

        all.Select(c => (c.Revision, c.Type)).ShouldBe([(1L, ChangeType.Added), (2L, ChangeType.Modified), (3L, ChangeType.Deleted)]);
        all[1].Document.ToJsonString().ShouldBe(updated.ToJsonString());
        all[2].Document.ToJsonString().ShouldBe(updated.ToJsonString());
        afterFirst.Select(c => c.Revision).ShouldBe([2L, 3]);
    }

    [Fact]
    public async Task Watch_moves_from_history_to_live_changes_without_gaps_or_duplicates()
    {
        // 10 + 35 changes stay inside the retained history, so only the handover is under test.
        for (var i = 0; i < 10; i++)
        {
            await Store.CreateAsync(Stage("p1", $"before-{i:D2}"), Ct);
        }

        // Watchers start while a writer is busy, so their history reads and live buffers overlap in different ways.
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 35; i++)
            {
                await Store.CreateAsync(Stage("p1", $"after-{i:D2}"), Ct);
            }
        });
        var watchers = new List<Task<List<ResourceChange>>>();
        for (var w = 0; w < 6; w++)
        {
            watchers.Add(Task.Run(() => CollectAsync(Store.WatchAsync(new WatchQuery(FromRevision: 3), Ct), 42)));
            await Task.Delay(TimeSpan.FromMilliseconds(w * 2));
        }

        await writer;
        foreach (var watcher in watchers)
        {
            (await watcher).Select(c => c.Revision).ShouldBe(Enumerable.Range(4, 42).Select(r => (long)r));
        }
    }

    [Fact]
    public async Task Watch_filters_by_kind_and_namespace()
    {
        await Store.CreateAsync(Stage("p1", "dev"), Ct);
        await Store.CreateAsync(Warehouse("p1", "main"), Ct);
        var stagesInP1 = CollectAsync(Store.WatchAsync(new WatchQuery(Kind: "Stage", Namespace: "p1"), Ct), 2);
        var everythingInP2 = CollectAsync(Store.WatchAsync(new WatchQuery(Namespace: "p2"), Ct), 2);
        await Store.CreateAsync(Stage("p2", "dev"), Ct);
        await Store.CreateAsync(Warehouse("p2", "main"), Ct);
        await Store.CreateAsync(Stage("p1", "prod"), Ct);

        (await stagesInP1).Select(c => (c.Revision, c.Document.Name)).ShouldBe([(1L, "dev"), (5L, "prod")]);
        (await everythingInP2).Select(c => (c.Revision, c.Document.Kind)).ShouldBe([(3L, "Stage"), (4L, "Warehouse")]);
    }

    [Fact]
    public async Task Watch_from_a_revision_older_than_the_retained_history_fails()
    {
        var stage = await Store.CreateAsync(Stage("p1", "dev"), Ct);
        for (var i = 0; i < ChangeRetention + 10; i++)
        {
            stage = await Store.UpdateStatusAsync(WithStatus(stage, Status($"phase-{i}")), Ct);
        }

        var head = await Store.GetRevisionAsync(Ct);
        var error = await Should.ThrowAsync<WatchRevisionExpiredException>(() => CollectAsync(Store.WatchAsync(new WatchQuery(FromRevision: 3), Ct), 1));
        error.RequestedRevision.ShouldBe(3);
        error.OldestAvailableRevision.ShouldBe(head - ChangeRetention);

        var oldestAllowed = await CollectAsync(Store.WatchAsync(new WatchQuery(FromRevision: head - ChangeRetention), Ct), ChangeRetention);
        oldestAllowed[0].Revision.ShouldBe(head - ChangeRetention + 1);
        var whole = await CollectAsync(Store.WatchAsync(new WatchQuery(), Ct), ChangeRetention);
        whole.Select(c => c.Revision).ShouldBe(oldestAllowed.Select(c => c.Revision));
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_expected_version_have_exactly_one_winner()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev"), Ct);

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.UpdateAsync(WithWarehouse(created, $"w{i}"), Ct);
                return true;
            }
            catch (ResourceConflictException)
            {
                return false;
            }
        })).ToArray();
        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(won => won).ShouldBe(1);
        (await Store.GetRevisionAsync(Ct)).ShouldBe(2);
        (await Store.GetAsync(created.Key, Ct))!.Generation.ShouldBe(2);
    }

    [Fact]
    public async Task Everything_survives_a_restart_including_the_revision_counter_and_the_change_feed()
    {
        var created = await Store.CreateAsync(Stage("p1", "dev", labels: new Dictionary<string, string> { ["team"] = "blue" }), Ct);
        var updated = await Store.UpdateStatusAsync(WithStatus(created, Status("Healthy")), Ct);
        await Store.CreateAsync(Project("p1"), Ct);

        Store = await ReopenStoreAsync(Store, Time);

        (await Store.GetRevisionAsync(Ct)).ShouldBe(3);
        (await Store.GetAsync(created.Key, Ct))!.ToJsonString().ShouldBe(updated.ToJsonString());
        (await Store.ListAsync(new ListQuery("Stage", LabelSelector: new Dictionary<string, string> { ["team"] = "blue" }), Ct)).Items.Count.ShouldBe(1);
        (await Store.CreateAsync(Stage("p1", "prod"), Ct)).ResourceVersion.ShouldBe(4);
        (await CollectAsync(Store.WatchAsync(new WatchQuery(FromRevision: 1), Ct), 3)).Select(c => c.Revision).ShouldBe([2L, 3, 4]);
    }

    /// <summary>Reads <paramref name="count"/> changes, failing the test if they do not arrive in time.</summary>
    protected static async Task<List<ResourceChange>> CollectAsync(IAsyncEnumerable<ResourceChange> changes, int count)
    {
        using var timeout = new CancellationTokenSource(WatchTimeout);
        var collected = new List<ResourceChange>();
        await foreach (var change in changes.WithCancellation(timeout.Token))
        {
            collected.Add(change);
            if (collected.Count == count)
            {
                break;
            }
        }

        return collected;
    }

    private async Task<List<(string Namespace, string Name)>> ListAllAsync(ListQuery query)
    {
        var keys = new List<(string, string)>();
        string? token = null;
        do
        {
            var page = await Store.ListAsync(query with { ContinueToken = token }, Ct);
            if (query.Limit > 0)
            {
                page.Items.Count.ShouldBeLessThanOrEqualTo(query.Limit);
            }

            keys.AddRange(page.Items.Select(d => (d.Namespace ?? "", d.Name)));
            token = page.ContinueToken;
        }
        while (token is not null);

        return keys;
    }
}
