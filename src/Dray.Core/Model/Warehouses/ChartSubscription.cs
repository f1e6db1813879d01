using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Warehouses;

public sealed record ChartSubscription
{
    /// <summary>An <c>http(s)://</c> chart repository or an <c>oci://</c> repository naming one chart.</summary>
    [RegularExpression(KargoPatterns.ChartRepoUrl)]
    [MinLength(1)]
    public required string RepoURL { get; init; }

    /// <summary>Required for classic HTTP(S) repositories; must be empty for OCI.</summary>
    public string? Name { get; init; }

    public string? SemverConstraint { get; init; }

    [Range(1, 100)]
    [DefaultValue(20)]
    public int? DiscoveryLimit { get; init; }

    /// <summary>Accept any TLS certificate from an <c>https://</c> or <c>oci://</c> repository (a self-signed one in a lab).</summary>
    public bool? InsecureSkipTLSVerify { get; init; }
}
