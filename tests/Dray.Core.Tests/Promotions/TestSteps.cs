using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Core.Steps;

namespace Dray.Core.Tests.Promotions;

/// <summary>Echoes its evaluated config as its outputs.</summary>
public sealed class EchoStep : IPromotionStep
{
    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct) =>
        ValueTask.FromResult(StepResult.Succeeded((JsonObject)context.Config.DeepClone()));
}

/// <summary>Fails logically with <c>config.message</c>.</summary>
public sealed class FailStep : IPromotionStep
{
    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct) =>
        ValueTask.FromResult(StepResult.Failed((string?)context.Config["message"] ?? "failed on purpose"));
}

/// <summary>Returns a retryable error <c>config.times</c> times , then succeeds.</summary>
public sealed class FlakyStep(StepCounters counters) : IPromotionStep
{
    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        var attempt = counters.Increment(context.Promotion + "/" + (string?)context.Config["name"]);
        var times = (int?)context.Config["times"] ?? 1;
        return ValueTask.FromResult(attempt <= times
            ? StepResult.Errored("upstream answered 503")
            : StepResult.Succeeded(new JsonObject { ["attempts"] = attempt }));
    }
}

/// <summary>Says Running (poll again in 10 s) twice, then succeeds.</summary>
public sealed class PollStep(StepCounters counters) : IPromotionStep
{
    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        var attempt = counters.Increment(context.Promotion + "/poll");
        return ValueTask.FromResult(attempt <= 2
            ? StepResult.Running(TimeSpan.FromSeconds(10), $"waiting ({attempt})")
            : StepResult.Succeeded(new JsonObject { ["polls"] = attempt }));
    }
}

/// <summary>Like <see cref="FlakyStep"/>, but tolerates three errors and one minute unless the Promotion says otherwise.</summary>
public sealed class PatientFlakyStep(StepCounters counters) : IPromotionStep, Dray.Core.Promotions.IStepRetryDefaults
{
    private readonly FlakyStep _inner = new(counters);

    public int DefaultErrorThreshold => 3;

    public TimeSpan DefaultTimeout => TimeSpan.FromMinutes(1);

    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct) => _inner.RunAsync(context, ct);
}

/// <summary>Waits until cancelled.</summary>
public sealed class BlockStep(StepCounters counters) : IPromotionStep
{
    public async ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        counters.Increment(context.Promotion + "/block");
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        return StepResult.Succeeded();
    }
}

/// <summary>Adds one to the number in the file <c>config.file</c>, which survives a restart of the engine.</summary>
public sealed class FileCounterStep : IPromotionStep
{
    public async ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        var path = (string)context.Config["file"]!;
        var count = File.Exists(path) ? int.Parse(await File.ReadAllTextAsync(path, ct), CultureInfo.InvariantCulture) : 0;
        await File.WriteAllTextAsync(path, (count + 1).ToString(CultureInfo.InvariantCulture), ct);
        return StepResult.Succeeded(new JsonObject { ["count"] = count + 1 });
    }
}
