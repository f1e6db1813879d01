using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Helm;

/// <summary>A dependency to pin, matched on the exact <c>repository</c> and <c>name</c> in <c>Chart.yaml</c>.</summary>
public sealed record HelmChartDependency
{
    [MinLength(1)]
    public required string Repository { get; init; }

    [MinLength(1)]
    public required string Name { get; init; }

    [MinLength(1)]
    public required string Version { get; init; }
}
