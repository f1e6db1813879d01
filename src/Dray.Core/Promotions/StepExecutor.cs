using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model.Promotions;
using Dray.Core.Steps;
using Dray.Core.Durations;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Promotions;

/// <summary>
/// Runs one step of a Promotion (§6.6): the <c>if</c> check on first entry, vars and config evaluation, the call,
/// then retry, timeout and Running handling. Updates the step's metadata and outputs in the progress.
/// </summary>
internal sealed class StepExecutor(
    IPromotionStepResolver steps,
    ExpressionEnvironment baseEnvironment,
    PromotionEngineOptions options,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Runs step <paramref name="index"/>; returns how long to wait before looking again, or null when the step is done.</summary>
    public async Task<TimeSpan?> ExecuteAsync(PromotionRun run, PromotionProgress progress, int index, AbortWatch abort)
    {
        var step = run.Promotion.Spec.Steps[index];
        var alias = PromotionRun.AliasOf(step, index);
        var now = time.GetUtcNow();
        var meta = progress.Steps[index] ?? new StepExecutionMetadata { Alias = alias, ContinueOnError = step.ContinueOnError == true ? true : null };
        var data = run.Data with
        {
            CurrentStepAlias = alias,
            StepStatuses = progress.Steps.Take(index).OfType<StepExecutionMetadata>().Where(s => s.Status is not null)
                .Select(s => s.ToExpressionData()).ToList(),
        };
        var context = run.Context with { StepAlias = alias };
        var taskOutputs = TaskOutputs(progress.State, alias);

        JsonObject vars;
        try
        {
            vars = KargoEnvironments.EvaluateVars(
                (step.Vars ?? []).Select(v => KeyValuePair.Create(v.Name, v.Value ?? "")),
                v => KargoEnvironments.ForPromotionStep(baseEnvironment, context, data, v, progress.State, taskOutputs),
                run.PromotionVars);
        }
        catch (ExpressionException e)
        {
            return Finish(progress, index, meta with { StartedAt = meta.StartedAt ?? now }, PromotionStepStatus.Errored, $"step \"{alias}\": invalid vars: {e.Message}");
        }

        var environment = KargoEnvironments.ForPromotionStep(baseEnvironment, context, data, vars, progress.State, taskOutputs);
        if (meta.StartedAt is null && ShouldSkip(step, data, environment, out var skipError))
        {
            return skipError is null
                ? Finish(progress, index, meta with { StartedAt = now }, PromotionStepStatus.Skipped, null)
                : Finish(progress, index, meta with { StartedAt = now }, PromotionStepStatus.Errored, $"step \"{alias}\": {skipError}");
        }

        meta = meta with { StartedAt = meta.StartedAt ?? now, Status = PromotionStepStatus.Running };
        if (!steps.TryResolve(step.Uses ?? "", out var implementation))
        {
            return Finish(progress, index, meta, PromotionStepStatus.Errored, $"step \"{alias}\": no promotion step named \"{step.Uses}\" is registered");
        }

        JsonObject config;
        try
        {
            var raw = step.Config is { ValueKind: JsonValueKind.Object } element ? JsonNode.Parse(element.GetRawText()) : new JsonObject();
            config = ExpressionTemplate.Evaluate(raw, environment) as JsonObject
                ?? throw new ExpressionException("config must be an object");
        }
        catch (ExpressionException e)
        {
            return Finish(progress, index, meta, PromotionStepStatus.Errored, $"step \"{alias}\": invalid config: {e.Message}");
        }

        var result = await InvokeAsync(implementation, run, config, abort).ConfigureAwait(false);
        if (abort.Requested)
        {
            return Finish(progress, index, meta, PromotionStepStatus.Aborted, "aborted");
        }

        if (result.Outputs.Count > 0)
        {
            progress.State[alias] = result.Outputs.DeepClone();
            if (implementation is ITaskOutputPropagation && TaskAliasOf(alias) is { } taskAlias)
            {
                var merged = progress.State[taskAlias] as JsonObject ?? new JsonObject();
                foreach (var (key, value) in result.Outputs)
                {
                    merged[key] = value?.DeepClone();
                }

                progress.State[taskAlias] = merged;
            }
        }

        return Interpret(progress, index, step, implementation as IStepRetryDefaults, meta, result);
    }

    private TimeSpan? Interpret(
        PromotionProgress progress, int index, PromotionStep step, IStepRetryDefaults? defaults, StepExecutionMetadata meta, StepResult result)
    {
        var now = time.GetUtcNow();
        var timeout = GoDuration.TryParse(step.Retry?.Timeout, out var t) ? t : defaults?.DefaultTimeout ?? TimeSpan.Zero;
        var timedOut = timeout > TimeSpan.Zero && now - meta.StartedAt!.Value > timeout;
        switch (result.Status)
        {
            case PromotionStepStatus.Succeeded or PromotionStepStatus.Skipped:
                progress.HealthChecks.AddRange(result.HealthChecks);
                return Finish(progress, index, meta with { ErrorCount = null }, result.Status, result.Message);
            case PromotionStepStatus.Failed or PromotionStepStatus.Aborted:
                return Finish(progress, index, meta, result.Status, result.Message);
            case PromotionStepStatus.Errored when result.Terminal:
                return Finish(progress, index, meta, PromotionStepStatus.Errored, result.Message ?? "an unrecoverable error occurred");
            case PromotionStepStatus.Errored:
                var errors = (meta.ErrorCount ?? 0) + 1;
                var threshold = step.Retry?.ErrorThreshold is > 0 and var n ? n : Math.Max(defaults?.DefaultErrorThreshold ?? 1, 1);
                if (errors >= threshold || timedOut)
                {
                    // The step's own error explains the failure better than "timed out" would.
                    return Finish(progress, index, meta with { ErrorCount = errors }, PromotionStepStatus.Errored, result.Message);
                }

                progress.Steps[index] = meta with { ErrorCount = errors, Status = PromotionStepStatus.Running, Message = result.Message };
                return Backoff(errors);
            default:
                if (timedOut)
                {
                    var waited = result.Message is null ? "" : $" (last: {result.Message})";
                    return Finish(progress, index, meta, PromotionStepStatus.Errored, $"step timed out after {GoDuration.Format(timeout)}{waited}");
                }

                progress.Steps[index] = meta with { ErrorCount = null, Status = PromotionStepStatus.Running, Message = result.Message };
                return result.RetryAfter is { } after && after > TimeSpan.Zero ? after : options.DefaultPollInterval;
        }
    }

    private async Task<StepResult> InvokeAsync(IPromotionStep implementation, PromotionRun run, JsonObject config, AbortWatch abort)
    {
        var context = new StepContext
        {
            Project = run.Project,
            Stage = run.Promotion.Spec.Stage,
            Promotion = run.Promotion.Metadata.Name ?? "",
            WorkDirectory = run.WorkDirectory,
            Config = config,
            Freight = run.Freight,
            TimeProvider = time,
            Logger = logger,
            Secrets = run.Secrets,
        };
        try
        {
            return await implementation.RunAsync(context, abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.Requested)
        {
            return StepResult.Aborted("aborted");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A step that throws is a bug in the step, not in the user's config: report it and allow a retry.
            return StepResult.Errored($"step threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static bool ShouldSkip(PromotionStep step, PromotionExpressionData data, ExpressionEnvironment environment, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(step.If))
        {
            return data.StepStatuses.Any(s => s.IsFailure);
        }

        try
        {
            var template = step.If.Contains("${{", StringComparison.Ordinal) || step.If.Contains("${%", StringComparison.Ordinal)
                ? step.If
                : "${{ " + step.If + " }}";
            var value = ExpressionTemplate.EvaluateString(template, environment);
            if (value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                return !v.GetValue<bool>();
            }

            error = $"if condition \"{step.If}\" must evaluate to a bool, got {value?.ToJsonString() ?? "null"}";
            return true;
        }
        catch (ExpressionException e)
        {
            error = $"invalid if condition: {e.Message}";
            return true;
        }
    }

    private TimeSpan Backoff(int errors)
    {
        var delay = options.RetryDelay * Math.Pow(2, Math.Min(errors - 1, 16));
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private TimeSpan? Finish(PromotionProgress progress, int index, StepExecutionMetadata meta, PromotionStepStatus status, string? message)
    {
        progress.Steps[index] = meta with { Status = status, Message = message, FinishedAt = time.GetUtcNow() };
        return null;
    }

    private static string? TaskAliasOf(string alias)
    {
        var separator = alias.IndexOf("::", StringComparison.Ordinal);
        return separator < 0 ? null : alias[..separator];
    }

    /// <summary>For a step inflated from a task (<c>task::step</c>), its siblings' outputs with the prefix removed.</summary>
    private static JsonObject? TaskOutputs(JsonObject state, string alias)
    {
        var separator = alias.IndexOf("::", StringComparison.Ordinal);
        if (separator < 0)
        {
            return null;
        }

        var prefix = alias[..(separator + 2)];
        var outputs = new JsonObject();
        foreach (var (key, value) in state)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                outputs[key[prefix.Length..]] = value?.DeepClone();
            }
        }

        return outputs;
    }
}
