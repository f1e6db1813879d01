using System.Text.Json;
using Dray.Core.Controllers;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Stages.HealthChecks;
using Dray.Core.Stages.Verifying;
using Dray.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Stages;

/// <summary>
/// The Stage controller: load, judge with pure functions (<see cref="StageStatusCalculator"/>,
/// <see cref="VerificationPlanner"/>, <see cref="StageConditionCalculator"/>, <see cref="StageFreightPlanner"/>, <see cref="AutoPromotionSelector"/>),
/// write only what changed, then auto-promote. Event-driven through <see cref="StageWork"/>; it asks to be
/// requeued only for time-based work (measurements, soak, health of external systems).
/// </summary>
public sealed class StageReconciler(
    IResourceStore store,
    StageHealthEvaluator health,
    StageVerifier verifier,
    PromotionCreator creator,
    StageReconcilerOptions options,
    TimeProvider time,
    ILogger<StageReconciler> logger) : IReconciler<ResourceKey>
{
    private const int MaxAttempts = 5;

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var document = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return ReconcileResult.Done;
        }

        var stage = KargoJson.FromDocument<Stage>(document);
        var project = key.Namespace ?? "";
        var freight = await ListAsync<Freight>(ResourceKinds.Freight.Kind, project, cancellationToken).ConfigureAwait(false);
        var promotions = (await ListAsync<Promotion>(ResourceKinds.Promotion.Kind, project, cancellationToken).ConfigureAwait(false))
            .Where(p => p.Spec.Stage == key.Name).ToList();
        var configDocument = await store.GetAsync(new ResourceKey(ResourceKinds.ProjectConfig.Kind, project, project), cancellationToken).ConfigureAwait(false);
        var snapshot = new StageSnapshot
        {
            Stage = stage,
            ProjectConfig = configDocument is null ? null : KargoJson.FromDocument<ProjectConfig>(configDocument),
            Freight = freight,
            Promotions = promotions,
            Now = time.GetUtcNow(),
        };
        var promoting = promotions.Any(p => !PromotionPhases.IsTerminal(p.Status?.Phase));
        if (!snapshot.IsControlFlow && !promoting)
        {
            snapshot = snapshot with { Health = await health.EvaluateAsync(stage, cancellationToken).ConfigureAwait(false) };
        }

        var status = StageStatusCalculator.Compute(snapshot);
        var decision = snapshot.IsControlFlow
            ? new VerificationDecision(VerificationAction.None, "control-flow Stage")
            : VerificationPlanner.Decide(stage with { Status = status }, status.Health);
        var (verification, verificationWait) = await VerifyAsync(stage with { Status = status }, decision, freight, cancellationToken).ConfigureAwait(false);
        if (verification is not null)
        {
            status = VerificationHistory.Record(status, verification);
        }

        status = status with { Conditions = StageConditionCalculator.Compute(snapshot, status) };
        snapshot = snapshot with { Stage = stage with { Status = status } };
        foreach (var changed in StageFreightPlanner.Plan(snapshot, decision))
        {
            await SaveFreightAsync(changed, cancellationToken).ConfigureAwait(false);
        }

        if (!await SaveStatusAsync(document, status, verification, cancellationToken).ConfigureAwait(false))
        {
            return ReconcileResult.Done;
        }

        // One Promotion at a time: while one is in flight the Stage's history and holds are about to change.
        if (status.AutoPromotionEnabled == true && !snapshot.IsControlFlow && !promoting)
        {
            await AutoPromoteAsync(snapshot, status, cancellationToken).ConfigureAwait(false);
        }

        return Requeue(verificationWait, status.Health, snapshot);
    }

    private async Task<(VerificationInfo? Info, TimeSpan? Wait)> VerifyAsync(
        Stage stage, VerificationDecision decision, IReadOnlyList<Freight> freight, CancellationToken ct)
    {
        var latest = StageVerificationRules.LatestVerification(stage);
        switch (decision.Action)
        {
            case VerificationAction.Start:
                var started = await verifier.StartAsync(stage, freight, decision.Actor, ct).ConfigureAwait(false);
                StageLog.Verification(logger, started.Id, "started", decision.Reason);
                return StageVerificationRules.IsTerminal(started.Phase) ? (started, null) : await verifier.PollAsync(started, ct).ConfigureAwait(false);
            case VerificationAction.Poll:
                return await verifier.PollAsync(latest!, ct).ConfigureAwait(false);
            case VerificationAction.Abort:
                StageLog.Verification(logger, latest!.Id, "aborted", decision.Reason);
                return (await verifier.AbortAsync(latest, decision.Actor, ct).ConfigureAwait(false), null);
            default:
                return (null, null);
        }
    }

    private async Task AutoPromoteAsync(StageSnapshot snapshot, StageStatus status, CancellationToken ct)
    {
        var input = new AutoPromotionInput
        {
            Stage = snapshot.Stage,
            ProjectConfig = snapshot.ProjectConfig,
            Freight = snapshot.Freight,
            Promotions = snapshot.Promotions,
            Holds = status.EffectiveAutoPromotionHolds ?? new Dictionary<string, AutoPromotionHold>(),
            Now = snapshot.Now,
        };
        foreach (var decision in AutoPromotionSelector.Decide(input))
        {
            if (decision.Promote?.Metadata.Name is not { } name)
            {
                continue;
            }

            try
            {
                var promotion = await creator.CreateAsync(snapshot.Stage.Metadata.Namespace ?? "", snapshot.Stage.Metadata.Name ?? "", name, options.Actor, ct).ConfigureAwait(false);
                StageLog.AutoPromoted(logger, name, decision.Reason, promotion.Metadata.Name ?? "");
            }
            catch (PromotionRejectedException e)
            {
                StageLog.AutoPromotionRefused(logger, name, e.Message);
            }
        }
    }

    private ReconcileResult Requeue(TimeSpan? verificationWait, Health? stageHealth, StageSnapshot snapshot)
    {
        TimeSpan? next = verificationWait;
        if (stageHealth?.Status is { } state && snapshot.Stage.Status?.LastPromotion?.Status?.HealthChecks is { Count: > 0 })
        {
            next = Min(next, state == HealthState.Healthy ? options.HealthyRecheckInterval : options.HealthRecheckInterval);
        }

        next = Min(next, SoakWake.Next(snapshot.Stage, snapshot.Freight, snapshot.Now));
        return next is { } delay ? ReconcileResult.After(delay) : ReconcileResult.Done;
    }

    private static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Writes the status when it changed. On a conflict a new verification entry is carried over; otherwise the change feed brings the Stage back.</summary>
    private async Task<bool> SaveStatusAsync(ResourceDocument document, StageStatus status, VerificationInfo? verification, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = JsonSerializer.SerializeToNode(status, KargoJson.Options);
            if (node?.ToJsonString() == document.Status?.ToJsonString())
            {
                return true;
            }

            var updated = document.Clone();
            updated.Json["status"] = node;
            try
            {
                await store.UpdateStatusAsync(updated, ct).ConfigureAwait(false);
                return true;
            }
            catch (ResourceConflictException) when (verification is not null && attempt < MaxAttempts)
            {
                document = await store.GetAsync(document.Key, ct).ConfigureAwait(false) ?? document;
                var reloaded = KargoJson.FromDocument<Stage>(document).Status ?? new StageStatus();
                status = VerificationHistory.Record(reloaded, verification);
            }
            catch (ResourceConflictException)
            {
                StageLog.Conflict(logger, document.Name);
                return false;
            }
        }
    }

    private async Task SaveFreightAsync(Freight freight, CancellationToken ct)
    {
        var document = KargoJson.ToDocument(freight);
        try
        {
            await store.UpdateStatusAsync(document, ct).ConfigureAwait(false);
            StageLog.FreightChanged(logger, document.Name, "status updated");
        }
        catch (ResourceConflictException)
        {
            // The Freight changed meanwhile; its change brings this Stage back with fresh data.
            StageLog.Conflict(logger, document.Name);
        }
    }

    private async Task<List<T>> ListAsync<T>(string kind, string project, CancellationToken ct)
    {
        var result = new List<T>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(kind, project, 500, token), ct).ConfigureAwait(false);
            result.AddRange(page.Items.Select(KargoJson.FromDocument<T>));
            token = page.ContinueToken;
        }
        while (token is not null);
        return result;
    }
}
