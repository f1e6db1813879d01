using Dray.Core.Model.Freights;

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

    private static string[] Keys<T>(IReadOnlyDictionary<string, T>? map) =>
        map is null ? [] : [.. map.Keys.Order(StringComparer.Ordinal)];
}
