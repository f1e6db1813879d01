using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Core.Model.Freights;
using Dray.Core.Resources;

namespace Dray.Server.Ui.Model;

/// <summary>One entry of the freight line.</summary>
public sealed record FreightView(
    string Name,
    string Alias,
    string Warehouse,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<string> CurrentlyIn,
    IReadOnlyList<string> VerifiedIn,
    IReadOnlyList<string> ApprovedFor)
{
    public static FreightView From(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var name = freight.Metadata.Name ?? "";
        return new FreightView(
            name,
            string.IsNullOrEmpty(freight.Alias) ? name : freight.Alias,
            freight.Origin.Name,
            freight.DiscoveredAt ?? freight.Metadata.CreationTimestamp,
            Keys(freight.Status?.CurrentlyIn),
            Keys(freight.Status?.VerifiedIn),
            Keys(freight.Status?.ApprovedFor));
    }

    /// <summary>The same view read straight from the stored JSON: the freight line of a large project skips typed deserialization.</summary>
    public static FreightView From(ResourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = document.Json;
        var name = document.Name;
        var alias = json["alias"] is JsonValue a && a.TryGetValue<string>(out var text) && text.Length > 0 ? text : name;
        var status = json["status"] as JsonObject;
        return new FreightView(
            name,
            alias,
            json["origin"]?["name"] is JsonValue o && o.TryGetValue<string>(out var origin) ? origin : "",
            Time(json["discoveredAt"]) ?? Time(document.Metadata["creationTimestamp"]),
            Keys(status?["currentlyIn"] as JsonObject),
            Keys(status?["verifiedIn"] as JsonObject),
            Keys(status?["approvedFor"] as JsonObject));
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string[] Keys(JsonObject? map) =>
        map is null ? [] : [.. map.Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static string[] Keys<T>(IReadOnlyDictionary<string, T>? map) =>
        map is null ? [] : [.. map.Keys.Order(StringComparer.Ordinal)];
}
