namespace Dray.Core.Manifests.Legacy;

/// <summary>The <c>${{ }}</c> expressions that converted steps use to read the promoted Freight.</summary>
internal static class Expressions
{
    public static string ImageTag(string repoURL) => $"${{{{ imageFrom({Quote(repoURL)}).Tag }}}}";

    public static string ImageDigest(string repoURL) => $"${{{{ imageFrom({Quote(repoURL)}).Digest }}}}";

    public static string ChartVersion(string repoURL, string? chart) =>
        string.IsNullOrEmpty(chart)
            ? $"${{{{ chartFrom({Quote(repoURL)}).Version }}}}"
            : $"${{{{ chartFrom({Quote(repoURL)}, {Quote(chart)}).Version }}}}";

    public static string CommitId(string repoURL) => $"${{{{ commitFrom({Quote(repoURL)}).ID }}}}";

    /// <summary>The value a legacy Helm image update wrote: ImageAndTag, Tag, ImageAndDigest or Digest.</summary>
    public static string? HelmImageValue(string image, string? kind) => kind switch
    {
        "Tag" => ImageTag(image),
        "ImageAndTag" or null or "" => $"{image}:{ImageTag(image)}",
        "Digest" => ImageDigest(image),
        "ImageAndDigest" => $"{image}@{ImageDigest(image)}",
        _ => null,
    };

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
