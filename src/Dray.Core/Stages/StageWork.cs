using System.Runtime.CompilerServices;
using Dray.Core.Controllers;
using Dray.Core.Model.Common;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Core.Stages;

/// <summary>
/// How the Stage controller finds work on the change feed: a Stage is reconciled when it changes, when Freight or
/// the ProjectConfig of its project changes (availability, upstream verification), and when one of its
/// Promotions or AnalysisRuns changes.
/// </summary>
public static class StageWork
{
    public const string Name = "stages";

    public static ReconcilerRunnerOptions<ResourceKey> Create(StageIndex index, StageReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        return new ReconcilerRunnerOptions<ResourceKey>
        {
            Name = Name,
            ResolveReconciler = sp => sp.GetRequiredService<StageReconciler>(),
            KeysForChange = change => KeysFor(index, change),
            ListKeys = (store, ct) => ListAsync(index, store, ct),
            Workers = options.Workers,
            ResyncPeriod = options.ResyncPeriod,
        };
    }

    public static IEnumerable<ResourceKey> KeysFor(StageIndex index, ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(change);
        var document = change.Document;
        var project = document.Namespace;
        switch (document.Kind)
        {
            case var k when k == ResourceKinds.Stage.Kind:
                if (change.Type == ChangeType.Deleted)
                {
                    index.Remove(document.Key);
                }
                else
                {
                    index.Add(document.Key);
                }

                return [document.Key];
            case var k when k == ResourceKinds.Freight.Kind || k == ResourceKinds.ProjectConfig.Kind:
                return index.InProject(project);
            case var k when k == ResourceKinds.Promotion.Kind:
                return (string?)document.Spec?["stage"] is { Length: > 0 } stage ? [new ResourceKey(ResourceKinds.Stage.Kind, project, stage)] : [];
            case var k when k == ResourceKinds.AnalysisRun.Kind:
                var name = document.GetAnnotation(KargoLabels.Stage) ?? document.GetLabel(KargoLabels.Stage);
                return name is { Length: > 0 } ? [new ResourceKey(ResourceKinds.Stage.Kind, project, name)] : [];
            default:
                return [];
        }
    }

    private static async IAsyncEnumerable<ResourceKey> ListAsync(StageIndex index, IResourceStore store, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var key in ResourceKeyWork.ListKeysAsync(store, ResourceKinds.Stage.Kind, ct).ConfigureAwait(false))
        {
            index.Add(key);
            yield return key;
        }
    }
}
