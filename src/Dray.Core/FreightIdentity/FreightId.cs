using System.Security.Cryptography;
using System.Text;
using Dray.Core.Model.Freights;

namespace Dray.Core.FreightIdentity;

/// <summary>
/// The content address of Freight: SHA-1 over the origin and one canonical string per artifact, sorted byte-wise.
/// Identical artifacts from the same origin always give the same name, whoever creates the Freight.
/// </summary>
public static class FreightId
{
    public static string Compute(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return Compute(freight.Origin, freight.Commits, freight.Images, freight.Charts, freight.Artifacts);
    }

    public static string Compute(
        FreightOrigin origin,
        IEnumerable<GitCommit>? commits,
        IEnumerable<Image>? images,
        IEnumerable<Chart>? charts,
        IEnumerable<ArtifactReference>? artifacts)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var parts = new List<string>();
        parts.AddRange((commits ?? []).Select(CommitPart));
        parts.AddRange((images ?? []).Select(ImagePart));
        parts.AddRange((charts ?? []).Select(ChartPart));
        parts.AddRange((artifacts ?? []).Select(ArtifactPart));
        parts.Sort(StringComparer.Ordinal);
        return Sha1Hex($"{origin}:{string.Join('|', parts)}");
    }

    /// <summary>Lower-case hex SHA-1 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    internal static string Sha1Hex(string text)
    {
#pragma warning disable CA5350 // SHA-1 is the identity function Kargo uses; it is not a security control here.
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The tag is part of a tagged commit's identity, so re-tagging a commit (rc to GA) makes new Freight.</summary>
    private static string CommitPart(GitCommit commit)
    {
        var repo = GitUrl.Normalize(commit.RepoURL ?? "");
        var basePart = string.IsNullOrEmpty(commit.Tag) ? $"{repo}:{commit.Id}" : $"{repo}:{commit.Tag}:{commit.Id}";
        return WithSubscription(basePart, commit.SubscriptionName);
    }

    /// <summary>Both tag and digest count: a mutable tag can move to a new digest, and a digest can be re-tagged.</summary>
    private static string ImagePart(Image image) =>
        WithSubscription($"{image.RepoURL}:{image.Tag}@{image.Digest}", image.SubscriptionName);

    private static string ChartPart(Chart chart) =>
        WithSubscription($"{GoPath.Join(ChartUrl.Normalize(chart.RepoURL ?? ""), chart.Name ?? "")}:{chart.Version}", chart.SubscriptionName);

    private static string ArtifactPart(ArtifactReference artifact) =>
        $"{artifact.ArtifactType}:{artifact.SubscriptionName}:{artifact.Version}";

    private static string WithSubscription(string part, string? subscriptionName) =>
        string.IsNullOrEmpty(subscriptionName) ? part : $"{part}:{subscriptionName}";
}
