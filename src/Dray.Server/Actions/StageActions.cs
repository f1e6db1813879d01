using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Stages.Verifying;
using Dray.Core.Storage;
using Dray.Server.Api;

namespace Dray.Server.Actions;

/// <summary>Promote, promote downstream, abort a Promotion, re-verify and abort verification: shared by the REST API and the UI.</summary>
public sealed class StageActions(IResourceStore store, PromotionCreator creator, PromotionService promotions, StageVerificationService verification)
{
    /// <summary>Creates a Promotion of one Freight (by name, else by alias) to a Stage; refused when the Freight is not available.</summary>
    public async Task<ActionOutcome> PromoteAsync(string project, string stage, string? freightName, string? freightAlias, string? actor, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(freightName) == string.IsNullOrEmpty(freightAlias))
        {
            return ActionOutcome.Invalid("Name exactly one of \"freight\" and \"freightAlias\".");
        }

        if (await store.GetAsync(StageKey(project, stage), ct).ConfigureAwait(false) is null)
        {
            return ActionOutcome.NotFound(StageNotFound(project, stage));
        }

        var freight = freightName is { Length: > 0 } name
            ? await store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, project, name), ct).ConfigureAwait(false)
            : await FreightLookup.FindByAliasAsync(store, project, freightAlias!, ct).ConfigureAwait(false);
        if (freight is null)
        {
            return ActionOutcome.NotFound(FreightLookup.NotFound(project, freightName ?? freightAlias!));
        }

        try
        {
            var promotion = await creator.CreateAsync(project, stage, freight.Name, actor, ct).ConfigureAwait(false);
            var document = KargoJson.ToDocument(promotion);
            return ActionOutcome.Done($"Promotion {document.Name} created.", document);
        }
        catch (PromotionRejectedException e)
        {
            return ActionOutcome.Conflict(e.Message);
        }
    }

    /// <summary>Promotes the Freight to every Stage that takes Freight from <paramref name="stage"/> and requests its origin.</summary>
    public async Task<ActionOutcome> PromoteDownstreamAsync(string project, string stage, string freightName, string? actor, CancellationToken ct)
    {
        var freightDocument = await store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, project, freightName), ct).ConfigureAwait(false);
        if (freightDocument is null)
        {
            return ActionOutcome.NotFound(FreightLookup.NotFound(project, freightName));
        }

        var origin = KargoJson.FromDocument<Freight>(freightDocument).Origin;
        var downstream = (await DownstreamStagesAsync(project, stage, origin, ct).ConfigureAwait(false))
            .Select(s => s.Metadata.Name ?? "")
            .ToList();
        if (downstream.Count == 0)
        {
            return ActionOutcome.Conflict($"No Stage takes {origin} Freight from Stage \"{stage}\".");
        }

        var promoted = new List<string>();
        var refused = new List<string>();
        foreach (var target in downstream)
        {
            var outcome = await PromoteAsync(project, target, freightName, null, actor, ct).ConfigureAwait(false);
            (outcome.Succeeded ? promoted : refused).Add(outcome.Succeeded ? target : $"{target}: {outcome.Message}");
        }

        var message = (promoted.Count > 0 ? $"Promoting to {string.Join(", ", promoted)}." : "Nothing promoted.")
            + (refused.Count > 0 ? $" Refused for {string.Join("; ", refused)}" : "");
        return promoted.Count > 0 ? ActionOutcome.Done(message) : ActionOutcome.Conflict(message);
    }

    public async Task<ActionOutcome> AbortPromotionAsync(string project, string name, string? actor, CancellationToken ct)
    {
        if (await store.GetAsync(new ResourceKey(ResourceKinds.Promotion.Kind, project, name), ct).ConfigureAwait(false) is null)
        {
            return ActionOutcome.NotFound($"Promotion \"{name}\" not found in project \"{project}\".");
        }

        return await promotions.AbortAsync(project, name, actor, ct).ConfigureAwait(false)
            ? ActionOutcome.Done($"Abort of Promotion {name} requested.")
            : ActionOutcome.Conflict($"Promotion \"{name}\" has already finished; there is nothing to abort.");
    }

    /// <summary>Asks the Stage controller to run the current Freight's verification again; only once the last run has finished.</summary>
    public Task<ActionOutcome> ReverifyAsync(string project, string stage, string? actor, CancellationToken ct) =>
        RequestVerificationAsync(project, stage, () => verification.ReverifyAsync(project, stage, actor, ct), $"Re-verification of Stage {stage} requested.");

    /// <summary>Asks the Stage controller to stop the running verification of the current Freight.</summary>
    public Task<ActionOutcome> AbortVerificationAsync(string project, string stage, string? actor, CancellationToken ct) =>
        RequestVerificationAsync(project, stage, () => verification.AbortAsync(project, stage, actor, ct), $"Abort of the verification of Stage {stage} requested.");

    private static async Task<ActionOutcome> RequestVerificationAsync(string project, string stage, Func<Task<string?>> request, string done)
    {
        try
        {
            return await request().ConfigureAwait(false) is { } refusal ? ActionOutcome.Conflict(refusal) : ActionOutcome.Done(done);
        }
        catch (ResourceNotFoundException)
        {
            return ActionOutcome.NotFound(StageNotFound(project, stage));
        }
    }

    /// <summary>The Stages, by name, that request <paramref name="origin"/> Freight from <paramref name="stage"/>.</summary>
    public async Task<List<Stage>> DownstreamStagesAsync(string project, string stage, FreightOrigin origin, CancellationToken ct) =>
        [.. (await StageListing.ListAsync<Stage>(store, ResourceKinds.Stage.Kind, project, ct).ConfigureAwait(false))
            .Where(s => FreightAvailability.FindRequest(s, origin)?.Sources.Stages?.Contains(stage, StringComparer.Ordinal) == true)
            .OrderBy(s => s.Metadata.Name, StringComparer.Ordinal)];

    private static ResourceKey StageKey(string project, string stage) => new(ResourceKinds.Stage.Kind, project, stage);

    private static string StageNotFound(string project, string stage) => $"Stage \"{stage}\" not found in project \"{project}\".";
}
