using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Warehouses;

public sealed record GitSubscription
{
    [RegularExpression(KargoPatterns.GitRepoUrl)]
    [MinLength(1)]
    public required string RepoURL { get; init; }

    [DefaultValue(nameof(GitCommitSelectionStrategy.NewestFromBranch))]
    public GitCommitSelectionStrategy? CommitSelectionStrategy { get; init; }

    /// <summary>Only for NewestFromBranch; the repository's default branch when unset.</summary>
    [RegularExpression(KargoPatterns.GitBranch)]
    [MinLength(1)]
    [MaxLength(255)]
    public string? Branch { get; init; }

    [DefaultValue(true)]
    public bool? StrictSemvers { get; init; }

    public string? SemverConstraint { get; init; }

    public IReadOnlyList<string>? AllowTagsRegexes { get; init; }

    public IReadOnlyList<string>? IgnoreTagsRegexes { get; init; }

    /// <summary>Deprecated: discovery fails when set (Kargo 1.11+); kept so old manifests can be read and migrated.</summary>
    public string? AllowTags { get; init; }

    /// <summary>Deprecated: discovery fails when set (Kargo 1.11+); kept so old manifests can be read and migrated.</summary>
    public IReadOnlyList<string>? IgnoreTags { get; init; }

    public string? ExpressionFilter { get; init; }

    public IReadOnlyList<string>? IncludePaths { get; init; }

    public IReadOnlyList<string>? ExcludePaths { get; init; }

    [Range(1, 100)]
    [DefaultValue(20)]
    public int? DiscoveryLimit { get; init; }

    /// <summary>NewestFromBranch stops walking history at commits older than this.</summary>
    public DateTimeOffset? Since { get; init; }

    public bool? InsecureSkipTLSVerify { get; init; }

    /// <summary>Clone with <c>--filter=blob:none</c>.</summary>
    public bool? Blobless { get; init; }
}
