namespace Dray.Steps.Kustomize;

/// <summary>How <c>kustomize-set-image</c> combines the file's images with the requested ones.</summary>
internal static class KustomizationImageMerge
{
    /// <summary>
    /// A requested image replaces the file's entry of the same name as a whole, except for fields given as
    /// <c>*</c>, which keep the file's value. The result is sorted by name, ordinally.
    /// </summary>
    public static IReadOnlyList<KustomizationImage> Merge(
        IEnumerable<KustomizationImage> current,
        IReadOnlyDictionary<string, KustomizationImage> targets)
    {
        var merged = new Dictionary<string, KustomizationImage>(StringComparer.Ordinal);
        foreach (var image in current)
        {
            merged[image.Name] = image;
        }

        foreach (var (name, target) in targets)
        {
            var existing = merged.GetValueOrDefault(name);
            merged[name] = new KustomizationImage(
                name,
                Keep(target.NewName, existing?.NewName),
                Keep(target.NewTag, existing?.NewTag),
                Keep(target.Digest, existing?.Digest));
        }

        return merged.Values.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
    }

    private static string Keep(string requested, string? existing) =>
        requested == KustomizationImage.Preserve ? existing ?? string.Empty : requested;
}
