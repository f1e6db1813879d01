using System.Text.Json;

namespace Dray.Core.Model.Stages;

public sealed record Health
{
    public HealthState? Status { get; init; }

    public IReadOnlyList<string>? Issues { get; init; }

    /// <summary>The health check configuration that produced this result; opaque.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>Checker output, e.g. Argo CD application statuses; opaque.</summary>
    public JsonElement? Output { get; init; }
}
