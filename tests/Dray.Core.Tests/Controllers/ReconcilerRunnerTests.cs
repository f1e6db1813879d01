using Dray.Core.Controllers;
using Dray.Core.Resources;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.Controllers;

/// <summary>The runner over a real SQLite store and a real DI container, with a recording reconciler for Stages.</summary>
public sealed class ReconcilerRunnerTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("dray-runner-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _stop = new();
    private SqliteResourceStore _store = null!;
    private ServiceProvider _services = null!;
    private Recorder _recorder = null!;
    private WorkQueue<ResourceKey> _queue = null!;
    private Task? _running;

    public Task InitializeAsync()
    {
        _store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = _directory.File("dray.db") }, _time);
        _recorder = new Recorder(_time);
        _services = new ServiceCollection()
            .AddSingleton(_recorder)
            .AddScoped<RecordingReconciler>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _queue = new WorkQueue<ResourceKey>(_time, new WorkQueueOptions { Backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0), Random = () => 0 });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        _queue.Dispose();
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        _stop.Dispose();
        _directory.Dispose();
    }

    private void Start(int workers = 2, TimeSpan? resync = null)
    {
        var options = ResourceKeyWork.ForKind<RecordingReconciler>("stages", "Stage") with { Workers = workers, ResyncPeriod = resync ?? TimeSpan.FromDays(1) };
        var runner = new ReconcilerRunner<ResourceKey>(_services.GetRequiredService<IServiceScopeFactory>(), _store, _queue, options, _time, NullLogger<ReconcilerRunner<ResourceKey>>.Instance);
        _running = Task.Run(() => runner.RunAsync(_stop.Token));
    }

    private Task CreateStageAsync(string name) => _store.CreateAsync(TestDocuments.Stage("p", name), CancellationToken.None);

    [Fact]
    public async Task Existing_objects_are_reconciled_at_start_and_written_ones_at_once()
    {
        await CreateStageAsync("a");
        await _store.CreateAsync(TestDocuments.Warehouse("p", "not-a-stage"), CancellationToken.None);
        Start();
        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 1);

        await CreateStageAsync("b");
        await _recorder.WaitForAsync(() => _recorder.CallsFor("b").Count == 1);

        var a = (await _store.GetAsync(new ResourceKey("Stage", "p", "a"), CancellationToken.None))!;
        a.SetLabel("touched", "yes");
        await _store.UpdateAsync(a, CancellationToken.None);
        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 2);

        _recorder.CallsFor("not-a-stage").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_store_that_fails_to_list_at_start_is_retried_instead_of_stopping_the_runner()
    {
        await CreateStageAsync("a");
        var attempts = 0;
        var options = ResourceKeyWork.ForKind<RecordingReconciler>("stages", "Stage") with { Workers = 1, ResyncPeriod = TimeSpan.FromDays(1) };
        var list = options.ListKeys;
        options = options with { ListKeys = (store, ct) => Interlocked.Increment(ref attempts) <= 2 ? FailingList() : list(store, ct) };
        var runner = new ReconcilerRunner<ResourceKey>(_services.GetRequiredService<IServiceScopeFactory>(), _store, _queue, options, _time, NullLogger<ReconcilerRunner<ResourceKey>>.Instance);
        _running = Task.Run(() => runner.RunAsync(_stop.Token));

        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 1 || _running.IsCompleted, () => _time.Advance(options.WatchRetryDelay));

        _running.IsCompleted.ShouldBeFalse(_running.Exception?.ToString());
        Volatile.Read(ref attempts).ShouldBe(3);
        _recorder.CallsFor("a").Count.ShouldBe(1);
    }

    private static async IAsyncEnumerable<ResourceKey> FailingList()
    {
        await Task.Yield();
        throw new InvalidOperationException("cannot start a transaction within a transaction");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    [Fact]
    public async Task Every_reconcile_gets_its_own_scope()
    {
        await CreateStageAsync("a");
        await CreateStageAsync("b");
        await CreateStageAsync("c");
        Start();

        await _recorder.WaitForAsync(() => _recorder.Calls.Count == 3);

        _recorder.Calls.Select(c => c.Scope).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_key_is_never_reconciled_by_two_workers_at_once_and_changes_meanwhile_collapse_into_one_rerun()
    {
        var release = new TaskCompletionSource<ReconcileResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _recorder.Behaviour = (key, n) => key.Name == "a" && n == 1 ? release.Task : Task.FromResult(ReconcileResult.Done);
        await CreateStageAsync("a");
        Start(workers: 4);
        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 1);

        var a = (await _store.GetAsync(new ResourceKey("Stage", "p", "a"), CancellationToken.None))!;
        for (var i = 0; i < 5; i++)
        {
            a.SetLabel("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            a = await _store.UpdateAsync(a, CancellationToken.None);
        }

        // Other keys still flow while "a" is busy.
        await CreateStageAsync("b");
        await _recorder.WaitForAsync(() => _recorder.CallsFor("b").Count == 1);
        _recorder.CallsFor("a").Count.ShouldBe(1);

        release.SetResult(ReconcileResult.Done);
        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 2);
        await Task.Delay(200);

        _recorder.CallsFor("a").Count.ShouldBe(2);
        _recorder.MaxActivePerKey.ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_reconcile_is_retried_with_growing_backoff_and_forgotten_after_success()
    {
        _recorder.Behaviour = (_, n) => n <= 2 ? throw new InvalidOperationException("boom") : Task.FromResult(ReconcileResult.Done);
        await CreateStageAsync("a");
        Start();

        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 3, () => _time.Advance(TimeSpan.FromMilliseconds(100)));

        var calls = _recorder.CallsFor("a");
        (calls[1].At - calls[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        (calls[2].At - calls[1].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        await _recorder.WaitForAsync(() => _queue.NumRequeues(new ResourceKey("Stage", "p", "a")) == 0);
    }

    [Fact]
    public async Task RequeueAfter_brings_the_key_back_after_the_delay()
    {
        _recorder.Behaviour = (_, n) => Task.FromResult(n == 1 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done);
        await CreateStageAsync("a");
        Start();

        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 2, () => _time.Advance(TimeSpan.FromSeconds(1)));

        var calls = _recorder.CallsFor("a");
        (calls[1].At - calls[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_periodic_resync_queues_every_key_without_any_write()
    {
        await CreateStageAsync("a");
        Start(resync: TimeSpan.FromMinutes(10));
        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 1);

        await _recorder.WaitForAsync(() => _recorder.CallsFor("a").Count == 2, () => _time.Advance(TimeSpan.FromMinutes(1)));

        var calls = _recorder.CallsFor("a");
        (calls[1].At - calls[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Cancelling_stops_the_runner()
    {
        Start();
        await _stop.CancelAsync();

        await _running!.WaitAsync(TimeSpan.FromSeconds(10));
        _running.IsCompletedSuccessfully.ShouldBeTrue();
    }
}
