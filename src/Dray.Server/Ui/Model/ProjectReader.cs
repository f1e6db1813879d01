using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Server.Ui.Model;

/// <summary>Reads what the UI pages show straight from the store, as typed records.</summary>
public sealed class ProjectReader(IResourceStore store)
{
    // The prerender and the interactive render of one page visit, and every other viewer, share one snapshot until the
    // store changes: a project with thousands of Freight is read once per revision, not once per render.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ProjectSnapshot> _snapshots = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ProjectSummary>> ListProjectsAsync(Func<string, bool> visible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var (projects, _) = await ListAsync(ResourceKinds.Project, null, cancellationToken).ConfigureAwait(false);
        var (stages, _) = await ListAsync(ResourceKinds.Stage, null, cancellationToken).ConfigureAwait(false);
        var (promotions, _) = await ListAsync(ResourceKinds.Promotion, null, cancellationToken).ConfigureAwait(false);
        var stagesByProject = stages.ToLookup(d => d.Namespace ?? "", StringComparer.Ordinal);
        var promotionsByProject = promotions.ToLookup(d => d.Namespace ?? "", StringComparer.Ordinal);
        return [.. projects.Select(p => p.Name).Where(visible).Order(StringComparer.Ordinal).Select(name =>
        {
            var projectStages = stagesByProject[name].Select(KargoJson.FromDocument<Stage>).ToList();
            var phases = promotionsByProject[name].Select(d => KargoJson.FromDocument<Promotion>(d).Status?.Phase).ToList();
            return new ProjectSummary(
                name,
                projectStages.Count,
                projectStages.Count(s => s.Status?.Health?.Status == HealthState.Healthy),
                phases.Count(p => p == PromotionPhase.Running),
                phases.Count(p => p is PromotionPhase.Failed or PromotionPhase.Errored));
        })];
    }

    public async Task<ProjectSnapshot> ReadProjectAsync(string project, CancellationToken cancellationToken)
    {
        var current = await store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        if (_snapshots.TryGetValue(project, out var cached) && cached.Revision == current)
        {
            return cached;
        }

        var snapshot = await ReadFreshAsync(project, cancellationToken).ConfigureAwait(false);
        _snapshots[project] = snapshot;
        return snapshot;
    }

    private async Task<ProjectSnapshot> ReadFreshAsync(string project, CancellationToken cancellationToken)
    {
        var (warehouses, revision) = await ListAsync(ResourceKinds.Warehouse, project, cancellationToken).ConfigureAwait(false);
        var (stageDocs, _) = await ListAsync(ResourceKinds.Stage, project, cancellationToken).ConfigureAwait(false);
        var (freightDocs, _) = await ListAsync(ResourceKinds.Freight, project, cancellationToken).ConfigureAwait(false);
        var freight = freightDocs.Select(FreightView.From).ToList();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in freight)
        {
            aliases.TryAdd(item.Name, item.Alias);
        }

        var verifiedIn = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var item in freight)
        {
            verifiedIn.TryAdd(item.Name, item.VerifiedIn);
        }

        var stages = stageDocs.Select(d =>
        {
            var stage = KargoJson.FromDocument<Stage>(d);
            var name = stage.Metadata.Name ?? "";
            return StageView.From(stage, aliases, f => verifiedIn.GetValueOrDefault(f)?.Contains(name, StringComparer.Ordinal) == true);
        }).ToList();
        var line = freight
            .OrderByDescending(f => f.CreatedAt ?? DateTimeOffset.MinValue)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return new ProjectSnapshot(project, revision, [.. warehouses.Select(w => w.Name)], stages, line);
    }

    private async Task<(List<ResourceDocument> Items, long Revision)> ListAsync(ResourceKind kind, string? project, CancellationToken cancellationToken)
    {
        var items = new List<ResourceDocument>();
        string? continueToken = null;
        long revision = 0;
        do
        {
            var page = await store.ListAsync(new ListQuery(kind.Kind, project, 500, continueToken), cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            revision = revision == 0 ? page.Revision : revision;
            continueToken = page.ContinueToken;
        }
        while (continueToken is not null);

        return (items, revision);
    }
}
