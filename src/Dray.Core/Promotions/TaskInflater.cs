using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.PromotionTasks;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Promotions;

/// <summary>
/// Turns a template's steps into stored Promotion steps (§1.7, §1.8): every step gets its alias
/// (<c>step-n</c>, <c>task-n</c>), and each <c>task:</c> reference is replaced by the task's steps, aliased
/// <c>&lt;taskAlias&gt;::&lt;stepAlias&gt;</c>, with vars ordered task defaults, reference vars, step vars.
/// </summary>
public sealed class TaskInflater(IResourceStore store)
{
    public async Task<IReadOnlyList<PromotionStep>> InflateAsync(
        string project, IReadOnlyList<PromotionStep> steps, IReadOnlyCollection<string> promotionVarNames, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(promotionVarNames);
        var result = new List<PromotionStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Task is null)
            {
                result.Add(step with { As = string.IsNullOrEmpty(step.As) ? $"step-{i + 1}" : step.As });
                continue;
            }

            var taskAlias = string.IsNullOrEmpty(step.As) ? $"task-{i + 1}" : step.As;
            if (!string.IsNullOrEmpty(step.If))
            {
                throw new PromotionRejectedException($"step \"{taskAlias}\": \"if\" is not allowed on a task reference");
            }

            var task = await LoadAsync(project, step.Task, ct).ConfigureAwait(false);
            var referenceVars = step.Vars ?? [];
            foreach (var required in (task.Vars ?? []).Where(v => v.Value is null))
            {
                if (!promotionVarNames.Contains(required.Name) && referenceVars.All(v => v.Name != required.Name))
                {
                    throw new PromotionRejectedException(
                        $"step \"{taskAlias}\": task \"{step.Task.Name}\" requires var \"{required.Name}\", which neither the Promotion nor the step sets");
                }
            }

            // A task default gives way to a Promotion var of the same name.
            var defaults = (task.Vars ?? []).Where(v => v.Value is not null && !promotionVarNames.Contains(v.Name));
            for (var j = 0; j < task.Steps.Count; j++)
            {
                var inner = task.Steps[j];
                if (inner.Task is not null || string.IsNullOrEmpty(inner.Uses))
                {
                    throw new PromotionRejectedException($"task \"{step.Task.Name}\" step {j + 1}: a task step must use \"uses\"; tasks cannot reference tasks");
                }

                var innerAlias = string.IsNullOrEmpty(inner.As) ? $"step-{j + 1}" : inner.As;
                IReadOnlyList<ExpressionVariable> vars = [.. defaults, .. referenceVars, .. inner.Vars ?? []];
                result.Add(inner with { As = $"{taskAlias}::{innerAlias}", Vars = vars.Count == 0 ? null : vars });
            }
        }

        return result;
    }

    private async Task<PromotionTaskSpec> LoadAsync(string project, PromotionTaskReference reference, CancellationToken ct)
    {
        if (reference.Kind == PromotionTaskKind.ClusterPromotionTask)
        {
            var cluster = await store.GetAsync(new ResourceKey(ResourceKinds.ClusterPromotionTask.Kind, null, reference.Name), ct).ConfigureAwait(false)
                ?? throw new PromotionRejectedException($"ClusterPromotionTask \"{reference.Name}\" not found");
            return KargoJson.FromDocument<ClusterPromotionTask>(cluster).Spec;
        }

        var document = await store.GetAsync(new ResourceKey(ResourceKinds.PromotionTask.Kind, project, reference.Name), ct).ConfigureAwait(false)
            ?? throw new PromotionRejectedException($"PromotionTask \"{reference.Name}\" not found in project \"{project}\"");
        return KargoJson.FromDocument<PromotionTask>(document).Spec;
    }
}
