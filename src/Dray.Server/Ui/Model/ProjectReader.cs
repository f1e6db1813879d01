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
        var (warehouses, revision) = await ListAsync(ResourceKinds.Warehouse, project, cancellationToken).ConfigureAwait(false);
        var (stageDocs, _) = await ListAsync(ResourceKinds.Stage, project, cancellationToken).ConfigureAwait(false);
        var (freightDocs, _) = await ListAsync(ResourceKinds.Freight, project, cancellationToken).ConfigureAwait(false);
        var freight = freightDocs.Select(KargoJson.FromDocument<Freight>).ToList();
        var aliases = freight.Where(f => f.Metadata.Name is not null)
            .ToDictionary(f => f.Metadata.Name!, f => string.IsNullOrEmpty(f.Alias) ? f.Metadata.Name! : f.Alias, StringComparer.Ordinal);
        var stages = stageDocs.Select(d => StageView.From(KargoJson.FromDocument<Stage>(d), aliases)).ToList();
        var line = freight.Select(FreightView.From)
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
