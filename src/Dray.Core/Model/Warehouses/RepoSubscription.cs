using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dray.Core.Model.Warehouses;

/// <summary>
/// One Warehouse subscription. Kargo stores these as raw JSON objects with exactly one type key plus an optional
/// <c>name</c>; any type key other than git, image and chart is a generic subscription and is kept verbatim.
/// </summary>
public sealed record RepoSubscription
{
    /// <summary>An RFC 1123 label unique in the Warehouse; required for generic subscriptions.</summary>
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    [MaxLength(63)]
    public string? Name { get; init; }

    public GitSubscription? Git { get; init; }

    public ImageSubscription? Image { get; init; }

    public ChartSubscription? Chart { get; init; }

    /// <summary>Generic subscriptions, keyed by their type; Kargo's CRD leaves subscriptions open for them.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Generic { get; init; }
}
