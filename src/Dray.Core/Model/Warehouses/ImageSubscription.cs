using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Warehouses;

public sealed record ImageSubscription
{
    /// <summary>The repository, without a tag.</summary>
    [RegularExpression(KargoPatterns.ImageRepoUrl)]
    [MinLength(1)]
    public required string RepoURL { get; init; }

    [DefaultValue(nameof(Warehouses.ImageSelectionStrategy.SemVer))]
    public ImageSelectionStrategy? ImageSelectionStrategy { get; init; }

    /// <summary>A semver constraint for SemVer; the mutable tag to track for Digest (required there).</summary>
    public string? Constraint { get; init; }

    [DefaultValue(true)]
    public bool? StrictSemvers { get; init; }

    public IReadOnlyList<string>? AllowTagsRegexes { get; init; }

    public IReadOnlyList<string>? IgnoreTagsRegexes { get; init; }

    /// <summary>Deprecated: discovery fails when set (Kargo 1.11+); kept so old manifests can be read and migrated.</summary>
    public string? AllowTags { get; init; }

    /// <summary>Deprecated: discovery fails when set (Kargo 1.11+); kept so old manifests can be read and migrated.</summary>
    public IReadOnlyList<string>? IgnoreTags { get; init; }

    /// <summary><c>os/arch</c>; only images supporting it count.</summary>
    [RegularExpression(KargoPatterns.Platform)]
    public string? Platform { get; init; }

    [Range(1, 100)]
    [DefaultValue(20)]
    public int? DiscoveryLimit { get; init; }

    public bool? InsecureSkipTLSVerify { get; init; }

    [DefaultValue(false)]
    public bool? CacheByTag { get; init; }
}
