using Dray.Core.FreightIdentity;

namespace Dray.Core.Expressions.Kargo;

/// <summary>
/// Finds an artifact in the Freight collection for <c>commitFrom</c>, <c>imageFrom</c>, <c>chartFrom</c> and
/// <c>artifactFrom</c>. Without an explicit origin, the requested origin whose Warehouse subscribes to the
/// repository is used; more than one such origin is an error asking for <c>warehouse()</c>.
/// </summary>
internal static class FreightArtifactFinder
{
    public static GitCommitView? FindCommit(IKargoExpressionContext context, string repoURL, FreightOriginView? origin)
    {
        var normalized = GitUrl.Normalize(repoURL);
        origin ??= ResolveOrigin(
            context,
            warehouse => warehouse.GitRepoUrls.Any(u => GitUrl.Normalize(u) == normalized),
            $"multiple requested Freight could potentially provide a commit from repo {normalized}; please update promotion steps to disambiguate");
        return origin is null
            ? null
            : FromOrigin(context, origin).SelectMany(f => f.Commits).FirstOrDefault(c => GitUrl.Normalize(c.RepoURL) == normalized);
    }

    public static ImageView? FindImage(IKargoExpressionContext context, string repoURL, FreightOriginView? origin)
    {
        origin ??= ResolveOrigin(
            context,
            warehouse => warehouse.ImageRepoUrls.Contains(repoURL, StringComparer.Ordinal),
            $"multiple requested Freight could potentially provide a container image from repository {repoURL}: please provide a Freight origin to disambiguate");
        return origin is null
            ? null
            : FromOrigin(context, origin).SelectMany(f => f.Images).FirstOrDefault(i => i.RepoURL == repoURL);
    }

    public static ChartView? FindChart(IKargoExpressionContext context, string repoURL, string chartName, FreightOriginView? origin)
    {
        if (origin is null)
        {
            origin = ResolveOrigin(
                context,
                warehouse => warehouse.Charts.Any(c => c.RepoURL == repoURL && c.Name == chartName),
                $"multiple requested Freight could potentially provide a chart from repository {repoURL}: please provide a Freight origin to disambiguate");
            if (origin is null)
            {
                throw new ExpressionException(chartName.Length == 0
                    ? $"chart from repo {repoURL} not found in referenced Freight"
                    : $"chart \"{chartName}\" from repo {repoURL} not found in referenced Freight");
            }
        }

        return FromOrigin(context, origin).SelectMany(f => f.Charts).FirstOrDefault(c => c.RepoURL == repoURL && c.Name == chartName);
    }

    public static ArtifactView? FindArtifact(IKargoExpressionContext context, string subscriptionName, FreightOriginView? origin)
    {
        origin ??= ResolveOrigin(
            context,
            warehouse => warehouse.ArtifactSubscriptionNames?.Contains(subscriptionName, StringComparer.Ordinal) == true,
            $"multiple requested Freight could potentially provide an artifact from subscription {subscriptionName}: please provide a Freight origin to disambiguate");
        return origin is null
            ? null
            : FromOrigin(context, origin).SelectMany(f => f.Artifacts ?? []).FirstOrDefault(a => a.SubscriptionName == subscriptionName);
    }

    private static IEnumerable<FreightReferenceData> FromOrigin(IKargoExpressionContext context, FreightOriginView origin) =>
        context.Freight.Where(f => f.Origin == origin);

    private static FreightOriginView? ResolveOrigin(
        IKargoExpressionContext context,
        Func<WarehouseSubscriptionData, bool> provides,
        string ambiguousMessage)
    {
        FreightOriginView? found = null;
        foreach (var requested in context.RequestedOrigins)
        {
            var warehouse = context.FindWarehouse(requested.Name)
                ?? throw new ExpressionException($"Warehouse \"{requested.Name}\" not found");
            if (!provides(warehouse))
            {
                continue;
            }

            if (found is not null)
            {
                throw new ExpressionException(ambiguousMessage);
            }

            found = requested;
        }

        return found;
    }
}
