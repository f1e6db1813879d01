using System.Text.Json;
using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;
using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Verification;

namespace Dray.Core.Stages.Verifying;

/// <summary>
/// The store side of verification: creates the AnalysisRun of a new verification, takes the measurements that
/// are due, terminates a run on abort, and returns the Stage's verification entry as it should read now.
/// </summary>
public sealed class StageVerifier(IResourceStore store, AnalysisRunner runner, MonotonicUlidFactory ulids, TimeProvider time)
{
    public const string ControllerActor = "controller:dray";

    /// <summary>Builds and stores the run; the entry is Pending, or Error with the reasons it could not be built.</summary>
    public async Task<VerificationInfo> StartAsync(Stage stage, IReadOnlyList<Freight> projectFreight, string? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(projectFreight);
        var project = stage.Metadata.Namespace ?? "";
        var collection = stage.Status!.FreightHistory![0];
        var id = ulids.Next();
        var info = new VerificationInfo { Id = id.ToString(), Actor = actor ?? ControllerActor, StartTime = time.GetUtcNow(), Phase = VerificationPhase.Pending };
        var names = (collection.Items ?? new Dictionary<string, FreightReference>()).Values.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var templates = new List<AnalysisTemplate>();
        foreach (var reference in stage.Spec.Verification?.AnalysisTemplates ?? [])
        {
            var document = await store.GetAsync(new ResourceKey(ResourceKinds.AnalysisTemplate.Kind, project, reference.Name), ct).ConfigureAwait(false);
            if (document is not null)
            {
                templates.Add(KargoJson.FromDocument<AnalysisTemplate>(document));
            }
        }

        var build = AnalysisRunBuilder.Build(new AnalysisRunRequest
        {
            Project = project,
            Stage = stage,
            Templates = templates,
            FreightCollection = collection,
            Freight = projectFreight.Where(f => names.Contains(f.Metadata.Name)).ToList(),
            PromotionName = stage.Status.LastPromotion?.Name,
            Id = id,
            Context = new PromotionExpressionData
            {
                RequestedOrigins = stage.Spec.RequestedFreight.Select(r => r.Origin.ToExpressionView()).ToList(),
                Freight = (collection.Items ?? new Dictionary<string, FreightReference>()).Values.Select(f => f.ToExpressionData()).ToList(),
            },
            BaseEnvironment = ExpressionEnvironment.Empty.WithTimeProvider(time),
        });
        if (build.Run is not { } run)
        {
            return info with { Phase = VerificationPhase.Error, Message = string.Join("; ", build.Errors), FinishTime = time.GetUtcNow() };
        }

        await store.CreateAsync(KargoJson.ToDocument(run), ct).ConfigureAwait(false);
        return info with { AnalysisRun = new AnalysisRunReference { Namespace = project, Name = run.Metadata.Name!, Phase = "" } };
    }

    /// <summary>Takes the due measurements; returns the updated entry and when to look again (null when finished).</summary>
    public async Task<(VerificationInfo Info, TimeSpan? Next)> PollAsync(VerificationInfo info, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(info);
        var document = await LoadAsync(info, ct).ConfigureAwait(false);
        if (document is null)
        {
            return (Finish(info, VerificationPhase.Error, $"AnalysisRun {info.AnalysisRun?.Name} not found"), null);
        }

        var run = KargoJson.FromDocument<AnalysisRun>(document);
        var stepped = await runner.StepAsync(run, ct).ConfigureAwait(false);
        await SaveStatusAsync(document, run, stepped, ct).ConfigureAwait(false);
        var phase = VerificationPhases.From(stepped, aborted: false);
        var updated = info with
        {
            Phase = phase,
            Message = stepped.Status?.Message,
            AnalysisRun = info.AnalysisRun! with { Phase = stepped.Status?.Phase?.ToString() ?? "" },
        };
        if (StageVerificationRules.IsTerminal(phase))
        {
            return (updated with { FinishTime = time.GetUtcNow() }, null);
        }

        var due = AnalysisRunEvaluator.NextDueAt(stepped);
        var wait = due is { } d ? d - time.GetUtcNow() : TimeSpan.Zero;
        return (updated, wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
    }

    /// <summary>Terminates the run; the entry becomes Aborted with the actor who asked.</summary>
    public async Task<VerificationInfo> AbortAsync(VerificationInfo info, string? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(info);
        var document = await LoadAsync(info, ct).ConfigureAwait(false);
        if (document is not null)
        {
            var run = KargoJson.FromDocument<AnalysisRun>(document);
            var terminated = AnalysisRunEvaluator.Terminate(run, $"aborted by {actor ?? "a user"}");
            var withSpec = document.Clone();
            withSpec.Json["spec"] = JsonSerializer.SerializeToNode(terminated.Spec, KargoJson.Options);
            withSpec.ResourceVersion = 0;
            var stored = await store.UpdateAsync(withSpec, ct).ConfigureAwait(false);
            await SaveStatusAsync(stored, run, terminated, ct).ConfigureAwait(false);
        }

        var aborted = Finish(info, VerificationPhase.Aborted, $"aborted by {actor ?? "a user"}");
        return aborted with
        {
            Actor = actor ?? info.Actor,
            AnalysisRun = info.AnalysisRun is { } reference ? reference with { Phase = VerificationPhase.Aborted.ToString() } : null,
        };
    }

    private VerificationInfo Finish(VerificationInfo info, VerificationPhase phase, string message) =>
        info with { Phase = phase, Message = message, FinishTime = time.GetUtcNow() };

    private async Task<ResourceDocument?> LoadAsync(VerificationInfo info, CancellationToken ct) =>
        info.AnalysisRun is { } reference
            ? await store.GetAsync(new ResourceKey(ResourceKinds.AnalysisRun.Kind, reference.Namespace, reference.Name), ct).ConfigureAwait(false)
            : null;

    private async Task SaveStatusAsync(ResourceDocument document, AnalysisRun before, AnalysisRun after, CancellationToken ct)
    {
        var status = JsonSerializer.SerializeToNode(after.Status, KargoJson.Options);
        if (JsonSerializer.SerializeToNode(before.Status, KargoJson.Options)?.ToJsonString() == status?.ToJsonString())
        {
            return;
        }

        var updated = document.Clone();
        updated.Json["status"] = status;
        updated.ResourceVersion = 0;
        await store.UpdateStatusAsync(updated, ct).ConfigureAwait(false);
    }
}
