using Dray.Core.FreightIdentity;
using Dray.Core.Manifests;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Warehouses;

/// <summary>
/// Admission rules for Freight made by hand (API, CLI, UI): at least one artifact, an existing origin Warehouse,
/// and exactly one artifact per subscription of that Warehouse, matched by type and normalized URL, nothing extra.
/// </summary>
public static class FreightValidator
{
    /// <param name="origin">The Warehouse named by <c>origin</c>, or null when it does not exist.</param>
    public static IReadOnlyList<ManifestError> Validate(Freight freight, Warehouse? origin)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var errors = new List<ManifestError>();
        var images = freight.Images ?? [];
        var commits = freight.Commits ?? [];
        var charts = freight.Charts ?? [];
        var artifacts = freight.Artifacts ?? [];
        if (images.Count + commits.Count + charts.Count + artifacts.Count == 0)
        {
            errors.Add(Error("", "Freight must reference at least one artifact (commits, images, charts or artifacts)"));
        }

        if (string.IsNullOrEmpty(freight.Origin.Name))
        {
            errors.Add(Error("origin.name", "the origin Warehouse is required"));
            return errors;
        }

        if (origin is null)
        {
            errors.Add(Error("origin.name", $"Warehouse \"{freight.Origin.Name}\" not found" + (freight.Metadata.Namespace is { } ns ? $" in project \"{ns}\"" : "")));
            return errors;
        }

        var usedImages = new bool[images.Count];
        var usedCommits = new bool[commits.Count];
        var usedCharts = new bool[charts.Count];
        var usedArtifacts = new bool[artifacts.Count];
        foreach (var subscription in origin.Spec.Subscriptions)
        {
            var matches = subscription switch
            {
                { Image: { } s } => Claim(images, usedImages, i => ImageUrl.Normalize(i.RepoURL ?? "") == ImageUrl.Normalize(s.RepoURL) && SameName(i.SubscriptionName, subscription.Name)),
                { Git: { } s } => Claim(commits, usedCommits, c => GitUrl.Normalize(c.RepoURL ?? "") == GitUrl.Normalize(s.RepoURL) && SameName(c.SubscriptionName, subscription.Name)),
                { Chart: { } s } => Claim(charts, usedCharts, c => ChartUrl.Normalize(c.RepoURL ?? "") == ChartUrl.Normalize(s.RepoURL)
                    && (c.Name ?? "") == (s.Name ?? "") && SameName(c.SubscriptionName, subscription.Name)),
                _ => Claim(artifacts, usedArtifacts, a => a.SubscriptionName == subscription.Name),
            };
            if (matches != 1)
            {
                errors.Add(Error("", matches == 0
                    ? $"no artifact for subscription {WarehouseDiscovery.Describe(subscription)} of Warehouse \"{origin.Metadata.Name}\"; Freight needs exactly one per subscription"
                    : $"{matches} artifacts for subscription {WarehouseDiscovery.Describe(subscription)} of Warehouse \"{origin.Metadata.Name}\"; Freight needs exactly one per subscription"));
            }
        }

        ReportExtras(errors, "images", images.Select(i => i.RepoURL), usedImages, origin);
        ReportExtras(errors, "commits", commits.Select(c => c.RepoURL), usedCommits, origin);
        ReportExtras(errors, "charts", charts.Select(c => c.RepoURL), usedCharts, origin);
        ReportExtras(errors, "artifacts", artifacts.Select(a => a.SubscriptionName), usedArtifacts, origin);
        ValidateFields(errors, images, commits, charts);
        return errors;
    }

    /// <summary>Freight names are content addresses: whatever name was given, the stored name is computed.</summary>
    public static Freight WithComputedName(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return freight with { Metadata = freight.Metadata with { Name = FreightId.Compute(freight) } };
    }

    private static int Claim<T>(IReadOnlyList<T> items, bool[] used, Func<T, bool> matches)
    {
        var count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (matches(items[i]))
            {
                used[i] = true;
                count++;
            }
        }

        return count;
    }

    private static bool SameName(string? artifactName, string? subscriptionName) => (artifactName ?? "") == (subscriptionName ?? "");

    private static void ReportExtras(List<ManifestError> errors, string field, IEnumerable<string?> urls, bool[] used, Warehouse origin)
    {
        var index = 0;
        foreach (var url in urls)
        {
            if (!used[index])
            {
                errors.Add(Error($"{field}[{index}]", $"\"{url}\" matches no subscription of Warehouse \"{origin.Metadata.Name}\""));
            }

            index++;
        }
    }

    private static void ValidateFields(List<ManifestError> errors, IReadOnlyList<Image> images, IReadOnlyList<GitCommit> commits, IReadOnlyList<Chart> charts)
    {
        for (var i = 0; i < images.Count; i++)
        {
            if (string.IsNullOrEmpty(images[i].Digest) && string.IsNullOrEmpty(images[i].Tag))
            {
                errors.Add(Error($"images[{i}]", "an image needs a tag or a digest"));
            }
        }

        for (var i = 0; i < commits.Count; i++)
        {
            if (string.IsNullOrEmpty(commits[i].Id))
            {
                errors.Add(Error($"commits[{i}].id", "a commit needs its id"));
            }
        }

        for (var i = 0; i < charts.Count; i++)
        {
            if (string.IsNullOrEmpty(charts[i].Version))
            {
                errors.Add(Error($"charts[{i}].version", "a chart needs a version"));
            }
        }
    }

    private static ManifestError Error(string path, string message) => new(null, 0, 0, path, message);
}
