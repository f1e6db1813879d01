using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;
using Dray.Server.Api;

namespace Dray.Server.Actions;

/// <summary>Manual approval of Freight for a Stage: shared by the REST API and the UI.</summary>
public sealed class FreightActions(IResourceStore store, TimeProvider time)
{
    public async Task<ActionOutcome> ApproveAsync(string project, string nameOrAlias, string? stage, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(stage))
        {
            return ActionOutcome.Invalid("Name the Stage to approve the Freight for: ?stage=NAME.");
        }

        var stageDocument = await store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, project, stage), ct).ConfigureAwait(false);
        if (stageDocument is null)
        {
            return ActionOutcome.NotFound($"Stage \"{stage}\" not found in project \"{project}\".");
        }

        var document = await FreightLookup.FindAsync(store, project, nameOrAlias, ct).ConfigureAwait(false);
        if (document is null)
        {
            return ActionOutcome.NotFound(FreightLookup.NotFound(project, nameOrAlias));
        }

        var change = FreightTransitions.Approve(KargoJson.FromDocument<Freight>(document), KargoJson.FromDocument<Stage>(stageDocument), time.GetUtcNow());
        if (!change.Succeeded)
        {
            return ActionOutcome.Conflict(change.Error!);
        }

        var updated = document.Clone();
        updated.Json["status"] = KargoJson.ToDocument(change.Freight!).Json["status"]?.DeepClone();
        var saved = await store.UpdateStatusAsync(updated, ct).ConfigureAwait(false);
        return ActionOutcome.Done($"Freight {nameOrAlias} approved for {stage}.", saved);
    }
}
