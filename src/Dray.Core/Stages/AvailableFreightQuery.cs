using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>Every Freight of a project, judged for one Stage, newest first; for the API and CLI.</summary>
public static class AvailableFreightQuery
{
    public static IReadOnlyList<AvailableFreight> For(Stage stage, IEnumerable<Freight> freight, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return NewestFirst(freight)
            .Select(f =>
            {
                var availability = FreightAvailability.Evaluate(stage, f, now);
                return new AvailableFreight(f, availability.Available, availability.Reason);
            })
            .ToList();
    }

    /// <summary>Newest by <c>discoveredAt</c>, falling back to <c>creationTimestamp</c>; ties go to the larger name.</summary>
    public static IEnumerable<Freight> NewestFirst(IEnumerable<Freight> freight) =>
        freight
            .OrderByDescending(f => f.DiscoveredAt ?? f.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue)
            .ThenByDescending(f => f.Metadata.Name, StringComparer.Ordinal);
}
