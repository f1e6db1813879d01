using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Promotions;

/// <summary>
/// Builds and stores a Promotion of one Freight to one Stage, as Kargo's defaulting webhook does (§1.7): the
/// name, the Stage's steps with tasks inflated, Stage then template vars, the creating actor.
/// </summary>
public sealed class PromotionCreator(
    IResourceStore store,
    MonotonicUlidFactory ulids,
    IFreightAvailability? availability = null)
{
    private readonly TaskInflater _inflater = new(store);

    /// <exception cref="PromotionRejectedException">The Stage or Freight is missing, unavailable, or the Stage has no steps.</exception>
    public async Task<Promotion> CreateAsync(string project, string stageName, string freightName, string? actor, CancellationToken ct)
    {
        var stageDocument = await store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, project, stageName), ct).ConfigureAwait(false)
            ?? throw new PromotionRejectedException($"Stage \"{stageName}\" not found in project \"{project}\"");
        var freightDocument = await store.GetAsync(new ResourceKey(ResourceKinds.Freight.Kind, project, freightName), ct).ConfigureAwait(false)
            ?? throw new PromotionRejectedException($"Freight \"{freightName}\" not found in project \"{project}\"");
        var stage = KargoJson.FromDocument<Stage>(stageDocument);
        var freight = KargoJson.FromDocument<Freight>(freightDocument);
        if (availability is not null && await availability.CheckAsync(stage, freight, ct).ConfigureAwait(false) is { } reason)
        {
            throw new PromotionRejectedException(reason);
        }

        var promotion = await BuildAsync(stage, freight, actor, ct).ConfigureAwait(false);
        var created = await store.CreateAsync(KargoJson.ToDocument(promotion), ct).ConfigureAwait(false);
        return KargoJson.FromDocument<Promotion>(created);
    }

    /// <summary>The Promotion to store, without storing it.</summary>
    public async Task<Promotion> BuildAsync(Stage stage, Freight freight, string? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(freight);
        var stageName = stage.Metadata.Name ?? "";
        var project = stage.Metadata.Namespace ?? "";
        var template = stage.Spec.PromotionTemplate?.Spec;
        if (template?.Steps is not { Count: > 0 } steps)
        {
            throw new PromotionRejectedException($"Stage \"{stageName}\" has no promotion steps");
        }

        IReadOnlyList<ExpressionVariable> vars = [.. stage.Spec.Vars ?? [], .. template.Vars ?? []];
        var varNames = vars.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var inflated = await _inflater.InflateAsync(project, steps, varNames, ct).ConfigureAwait(false);

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(actor))
        {
            annotations[KargoAnnotations.CreateActor] = actor;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(stage.Spec.Shard))
        {
            labels[KargoLabels.Shard] = stage.Spec.Shard;
        }

        var freightName = freight.Metadata.Name ?? "";
        return new Promotion
        {
            Metadata = new ObjectMeta
            {
                Name = PromotionName.Create(stageName, freightName, ulids.Next()),
                Namespace = project,
                Annotations = annotations.Count == 0 ? null : annotations,
                Labels = labels.Count == 0 ? null : labels,
            },
            Spec = new PromotionSpec
            {
                Stage = stageName,
                Freight = freightName,
                Vars = vars.Count == 0 ? null : vars,
                Steps = inflated,
            },
        };
    }
}
