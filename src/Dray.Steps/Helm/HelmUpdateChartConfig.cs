using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Helm;

public sealed record HelmUpdateChartConfig
{
    /// <summary>The chart directory, which holds <c>Chart.yaml</c>.</summary>
    [MinLength(1)]
    public required string Path { get; init; }

    public IReadOnlyList<HelmChartDependency>? Charts { get; init; }
}
