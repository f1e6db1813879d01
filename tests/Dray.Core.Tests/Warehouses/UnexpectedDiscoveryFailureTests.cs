using Dray.Core.Model.Common;
using Dray.Core.Warehouses;
using static Dray.Core.Tests.Warehouses.WarehouseTestBed;

namespace Dray.Core.Tests.Warehouses;

/// <summary>Whatever a discoverer throws, the reconcile ends normally and the Warehouse says what happened.</summary>
public sealed class UnexpectedDiscoveryFailureTests : IAsyncLifetime
{
    private readonly WarehouseTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    public static TheoryData<Exception> Failures() => new()
    {
        // An HttpClient timeout is a TaskCanceledException although nobody cancelled the reconcile.
        new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."),
        new InvalidOperationException("Operation is not valid due to the current state of the object."),
        new FormatException("The input string 'x' was not in a correct format."),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task An_unexpected_exception_type_becomes_the_ready_condition_and_a_retry(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await _bed.CreateAsync(ImageWarehouse());
        _bed.Images.Failure = failure;

        var result = await _bed.ReconcileAsync();

        result.RequeueAfter.ShouldBe(TimeSpan.FromSeconds(10));
        var ready = (await _bed.GetWarehouseAsync()).Status!.Conditions!.Single(c => c.Type == WarehouseConditions.Ready);
        ready.Status.ShouldBe(ConditionStatus.False);
        ready.Message.ShouldBe($"image \"127.0.0.1:5000/nginx\": {failure.Message}");
    }

    [Fact]
    public async Task A_cancelled_reconcile_is_not_turned_into_a_condition()
    {
        await _bed.CreateAsync(ImageWarehouse());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        _bed.Images.Failure = new OperationCanceledException(cancelled.Token);

        await Should.ThrowAsync<OperationCanceledException>(() => _bed.Reconciler.ReconcileAsync(Key(), cancelled.Token));

        (await _bed.GetWarehouseAsync()).Status.ShouldBeNull();
    }
}
