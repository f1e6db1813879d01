using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Steps;
using Dray.Core.Storage;

namespace Dray.Steps.Control;

/// <summary>
/// <c>set-metadata</c>: merges keys into <c>status.metadata</c> of Stages and Freight in the Promotion's project,
/// readable later with <c>stageMetadata()</c> and <c>freightMetadata()</c>. Setting the same values again writes
/// nothing, so a resumed Promotion can run it twice.
/// </summary>
public sealed class SetMetadataStep(IResourceStore store) : PromotionStep<SetMetadataConfig>
{
    private const int MaxAttempts = 10;

    protected override async ValueTask<StepResult> RunAsync(StepContext context, SetMetadataConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        for (var i = 0; i < config.Updates.Count; i++)
        {
            var update = config.Updates[i];
            var kind = update.Kind == "Stage" ? ResourceKinds.Stage.Kind : ResourceKinds.Freight.Kind;
            var key = new ResourceKey(kind, context.Project, update.Name);
            if (!await ApplyAsync(key, update.Values, ct).ConfigureAwait(false))
            {
                return StepResult.Errored($"config.updates[{i}]: {update.Kind} \"{update.Name}\" not found in project \"{context.Project}\"", terminal: true);
            }
        }

        return StepResult.Succeeded();
    }

    private async Task<bool> ApplyAsync(ResourceKey key, JsonObject values, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(key, ct).ConfigureAwait(false);
            if (current is null)
            {
                return false;
            }

            var document = current.Clone();
            var status = document.Json["status"] as JsonObject ?? (JsonObject)(document.Json["status"] = new JsonObject());
            var metadata = status["metadata"] as JsonObject ?? (JsonObject)(status["metadata"] = new JsonObject());
            var changed = false;
            foreach (var (name, value) in values)
            {
                if (!metadata.TryGetPropertyValue(name, out var old) || !JsonNode.DeepEquals(old, value))
                {
                    metadata[name] = value?.DeepClone();
                    changed = true;
                }
            }

            if (!changed)
            {
                return true;
            }

            try
            {
                await store.UpdateStatusAsync(document, ct).ConfigureAwait(false);
                return true;
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // A controller wrote the status meanwhile: merge into its version.
            }
        }
    }
}
