using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Dray.Core.GarbageCollection;

/// <summary>One pass over every project: deletes what <see cref="GarbageSelector"/> chooses, each with its resourceVersion.</summary>
public sealed partial class GarbageCollector(IResourceStore store, GarbageCollectionOptions options, TimeProvider time, ILogger<GarbageCollector> logger)
{
    /// <summary>Returns how many objects were deleted.</summary>
    public async Task<int> CollectAsync(CancellationToken ct)
    {
        var deleted = 0;
        foreach (var project in await ListAsync(ResourceKinds.Project.Kind, null, ct).ConfigureAwait(false))
        {
            var name = project.Name;
            var freight = (await ListAsync(ResourceKinds.Freight.Kind, name, ct).ConfigureAwait(false)).Select(KargoJson.FromDocument<Freight>).ToList();
            var stages = (await ListAsync(ResourceKinds.Stage.Kind, name, ct).ConfigureAwait(false)).Select(KargoJson.FromDocument<Stage>).ToList();
            var promotions = (await ListAsync(ResourceKinds.Promotion.Kind, name, ct).ConfigureAwait(false)).Select(KargoJson.FromDocument<Promotion>).ToList();
            var now = time.GetUtcNow();
            foreach (var f in GarbageSelector.Freight(freight, stages, promotions, options, now))
            {
                deleted += await DeleteAsync(ResourceKinds.Freight.Kind, name, f.Metadata.Name!, f.Metadata.ResourceVersion, ct).ConfigureAwait(false);
            }

            foreach (var p in GarbageSelector.Promotions(promotions, stages, options, now))
            {
                deleted += await DeleteAsync(ResourceKinds.Promotion.Kind, name, p.Metadata.Name!, p.Metadata.ResourceVersion, ct).ConfigureAwait(false);
            }
        }

        return deleted;
    }

    private async Task<int> DeleteAsync(string kind, string project, string name, string? resourceVersion, CancellationToken ct)
    {
        try
        {
            var version = long.TryParse(resourceVersion, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
            if (await store.DeleteAsync(new ResourceKey(kind, project, name), version, ct).ConfigureAwait(false))
            {
                LogDeleted(kind, project, name);
                return 1;
            }
        }
        catch (ResourceConflictException)
        {
            // It changed since it was judged, so it may be in use now: keep it until the next pass.
        }

        return 0;
    }

    private async Task<List<ResourceDocument>> ListAsync(string kind, string? project, CancellationToken ct)
    {
        var result = new List<ResourceDocument>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(kind, project, 500, token), ct).ConfigureAwait(false);
            result.AddRange(page.Items);
            token = page.ContinueToken;
        }
        while (token is not null);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collected {Kind} {Project}/{Name}")]
    private partial void LogDeleted(string kind, string project, string name);
}
