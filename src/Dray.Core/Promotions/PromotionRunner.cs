using System.Diagnostics;
using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Resources;
using Dray.Core.Steps;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Promotions;

/// <summary>
/// Runs a Promotion's steps from <c>status.currentStep</c>, saving the status after every step so that a restart
/// resumes at the first unfinished one. A step that must wait (Running, or an error to retry) does not block:
/// the run returns when to come back.
/// </summary>
public sealed partial class PromotionRunner
{
    private readonly IResourceStore _store;
    private readonly IPromotionStepResolver _steps;
    private readonly IPromotionExpressionDataLoader _data;
    private readonly PromotionSuccessRecorder _recorder;
    private readonly PromotionEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PromotionRunner> _logger;
    private readonly ExpressionEnvironment _environment;
    private readonly ISecretValues? _secretValues;

    public PromotionRunner(
        IResourceStore store,
        IPromotionStepResolver steps,
        IPromotionExpressionDataLoader data,
        PromotionEngineOptions options,
        TimeProvider timeProvider,
        ILogger<PromotionRunner> logger,
        ISecretValues? secretValues = null)
    {
        _secretValues = secretValues;
        _store = store;
        _steps = steps;
        _data = data;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        _recorder = new PromotionSuccessRecorder(store, timeProvider);
        _environment = ExpressionEnvironment.Empty.WithTimeProvider(timeProvider);
    }

    public async Task<PromotionRunResult?> RunAsync(ResourceKey key, CancellationToken ct)
    {
        var document = await _store.GetAsync(key, ct).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var promotion = KargoJson.FromDocument<Promotion>(document);
        if (PromotionPhases.IsTerminal(promotion.Status?.Phase))
        {
            return new PromotionRunResult(promotion.Status!.Phase!.Value, null);
        }

        var progress = PromotionProgress.From(promotion);
        var startedAt = promotion.Status?.StartedAt ?? _time.GetUtcNow();
        await using var abort = AbortWatch.Start(_store, key, document.ResourceVersion, ct);
        if (PromotionAbort.IsRequested(document))
        {
            return await FinishAbortedAsync(document, progress, startedAt, ct).ConfigureAwait(false);
        }

        progress.Phase = PromotionPhase.Running;
        var run = await PrepareAsync(promotion, ct).ConfigureAwait(false);
        if (run.Error is not null)
        {
            progress.Phase = PromotionPhase.Errored;
            progress.Message = run.Error;
            await PromotionStatusWriter.SaveAsync(_store, document, progress.ToStatus(startedAt, _time.GetUtcNow()), ct).ConfigureAwait(false);
            return new PromotionRunResult(PromotionPhase.Errored, null);
        }

        progress.Freight = run.FreightReference;
        if (run.WorkDirectoryLost && progress.CurrentStep > 0)
        {
            // The steps' files are gone (the data directory was restored elsewhere, or cleaned): finished steps
            // cannot be trusted to have left their work behind, so run them again. Git steps are idempotent per
            // Promotion (commit trailer, open PR reuse), which makes the replay safe for them.
            LogReplaying(key.Name, progress.CurrentStep);
            progress.Restart();
        }

        if (promotion.Status?.Phase != PromotionPhase.Running)
        {
            progress.Message = null;
            document = await PromotionStatusWriter.SaveAsync(_store, document, progress.ToStatus(startedAt, null), ct).ConfigureAwait(false);
            LogStarted(key.Name);
        }

        var executor = new StepExecutor(_steps, _environment, _options, _time, _logger);
        for (var index = progress.CurrentStep; index < promotion.Spec.Steps.Count; index++)
        {
            progress.CurrentStep = index;
            if (abort.Requested)
            {
                return await FinishAbortedAsync(document, progress, startedAt, ct).ConfigureAwait(false);
            }

            var wait = await executor.ExecuteAsync(run.Run!, progress, index, abort).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (progress.Steps[index]?.Status == PromotionStepStatus.Aborted)
            {
                return await FinishAbortedAsync(document, progress, startedAt, ct).ConfigureAwait(false);
            }

            if (wait is { } delay)
            {
                progress.Message = progress.Steps[index]?.Message;
                await PromotionStatusWriter.SaveAsync(_store, document, progress.ToStatus(startedAt, null), ct).ConfigureAwait(false);
                return new PromotionRunResult(PromotionPhase.Running, delay);
            }

            LogStep(key.Name, index, progress.Steps[index]?.Alias, progress.Steps[index]?.Status);
            progress.CurrentStep = index + 1;
            KillIfFault(_options.Faults.ExitBeforeSavingStep, index + 1, key.Name);
            document = await PromotionStatusWriter.SaveAsync(_store, document, progress.ToStatus(startedAt, null), ct).ConfigureAwait(false);
            KillIfFault(_options.Faults.ExitAfterStep, index + 1, key.Name);
        }

        return await FinishAsync(document, promotion, progress, startedAt, run, ct).ConfigureAwait(false);
    }

    private async Task<PromotionRunResult> FinishAsync(
        ResourceDocument document, Promotion promotion, PromotionProgress progress, DateTimeOffset startedAt, PreparedRun run, CancellationToken ct)
    {
        var steps = progress.Steps.OfType<StepExecutionMetadata>().ToList();
        progress.Phase = PromotionPhases.Final(steps);
        progress.Message = progress.Phase == PromotionPhase.Succeeded
            ? "All steps completed successfully"
            : steps.LastOrDefault(s => s.ContinueOnError != true && s.Status is PromotionStepStatus.Failed or PromotionStepStatus.Errored)?.Message;
        var status = progress.ToStatus(startedAt, _time.GetUtcNow());
        if (progress.Phase == PromotionPhase.Succeeded && run.FreightReference is { } freight)
        {
            status = status with { FreightCollection = await _recorder.RecordAsync(promotion, freight, status, ct).ConfigureAwait(false) };
        }

        await PromotionStatusWriter.SaveAsync(_store, document, status, ct).ConfigureAwait(false);
        DeleteWorkDirectory(promotion);
        LogFinished(promotion.Metadata.Name ?? "", progress.Phase);
        return new PromotionRunResult(progress.Phase, null);
    }

    private async Task<PromotionRunResult> FinishAbortedAsync(ResourceDocument document, PromotionProgress progress, DateTimeOffset startedAt, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var index = Math.Min(progress.CurrentStep, progress.Steps.Count - 1);
        if (index >= 0 && progress.Steps[index] is { } current && current.Status is PromotionStepStatus.Running or PromotionStepStatus.Aborted)
        {
            progress.Steps[index] = current with { Status = PromotionStepStatus.Aborted, Message = "aborted", FinishedAt = current.FinishedAt ?? now };
        }

        progress.Phase = PromotionPhase.Aborted;
        progress.Message = "Promotion aborted";
        await PromotionStatusWriter.SaveAsync(_store, document, progress.ToStatus(startedAt, now), ct).ConfigureAwait(false);
        DeleteWorkDirectory(KargoJson.FromDocument<Promotion>(document));
        LogFinished(document.Name, PromotionPhase.Aborted);
        return new PromotionRunResult(PromotionPhase.Aborted, null);
    }

    private async Task<PreparedRun> PrepareAsync(Promotion promotion, CancellationToken ct)
    {
        var project = promotion.Metadata.Namespace ?? "";
        var data = await _data.LoadAsync(promotion, ct).ConfigureAwait(false);
        Freight? freight = null;
        if (promotion.Spec.Freight is { } name
            && await _store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, project, name), ct).ConfigureAwait(false) is { } freightDocument)
        {
            freight = KargoJson.FromDocument<Freight>(freightDocument);
        }

        var context = new PromotionContextData(
            project,
            promotion.Spec.Stage,
            promotion.Metadata.Name ?? "",
            freight?.Metadata.Name ?? promotion.Spec.Freight,
            freight?.Alias,
            freight?.Origin.Name,
            promotion.Metadata.Annotations?.GetValueOrDefault(KargoAnnotations.CreateActor),
            string.Equals(promotion.Metadata.Annotations?.GetValueOrDefault(KargoAnnotations.Rollback), "true", StringComparison.Ordinal));
        JsonObject vars;
        try
        {
            vars = KargoEnvironments.EvaluateVars(
                (promotion.Spec.Vars ?? []).Select(v => KeyValuePair.Create(v.Name, v.Value ?? "")),
                v => KargoEnvironments.ForPromotionVars(_environment, context, data, v));
        }
        catch (ExpressionException e)
        {
            return new PreparedRun(null, null, $"invalid promotion vars: {e.Message}");
        }

        var root = Path.Join(_options.WorkRoot, project, promotion.Metadata.Name);
        var lost = !Directory.Exists(root);
        Directory.CreateDirectory(root);
        var run = new PromotionRun(
            promotion, context, data, vars, freight is null ? [] : [freight], new WorkDirectory(root), new StoreStepSecrets(_store, project, _secretValues));
        return new PreparedRun(run, freight is null ? null : StorePromotionExpressionDataLoader.ToReference(freight), null, lost);
    }

    private void DeleteWorkDirectory(Promotion promotion)
    {
        var root = Path.Join(_options.WorkRoot, promotion.Metadata.Namespace ?? "", promotion.Metadata.Name);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion {Promotion} started")]
    private partial void LogStarted(string promotion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Promotion {Promotion} step {Index} ({Alias}) finished: {Status}")]
    private partial void LogStep(string promotion, int index, string? alias, PromotionStepStatus? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion {Promotion} finished: {Phase}")]
    private partial void LogFinished(string promotion, PromotionPhase phase);

    /// <summary>Test-only: dies like a SIGKILL at a configured step boundary (<see cref="PromotionFaultOptions"/>).</summary>
    private void KillIfFault(int? configured, int stepNumber, string promotion)
    {
        if (configured != stepNumber)
        {
            return;
        }

        LogFaultKill(promotion, stepNumber);
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Promotion {Promotion}: its work directory is gone, replaying from the first step (was at step {Index})")]
    private partial void LogReplaying(string promotion, int index);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Promotion {Promotion}: fault injection kills the process at step {Step}")]
    private partial void LogFaultKill(string promotion, int step);

    /// <param name="WorkDirectoryLost">The work directory did not exist and was created for this run.</param>
    private sealed record PreparedRun(PromotionRun? Run, FreightReference? FreightReference, string? Error, bool WorkDirectoryLost = false);
}
