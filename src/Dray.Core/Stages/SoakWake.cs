using Dray.Core.Durations;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>When some Freight now soaking in an upstream Stage finishes its required soak, so the Stage looks again then.</summary>
public static class SoakWake
{
    public static TimeSpan? Next(Stage stage, IEnumerable<Freight> freight, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(freight);
        TimeSpan? next = null;
        var all = freight.ToList();
        foreach (var request in stage.Spec.RequestedFreight)
        {
            if (!GoDuration.TryParse(request.Sources.RequiredSoakTime, out var soak) || soak <= TimeSpan.Zero)
            {
                continue;
            }

            foreach (var f in all.Where(f => f.Origin == request.Origin))
            {
                foreach (var upstream in request.Sources.Stages ?? [])
                {
                    if (f.Status?.VerifiedIn?.ContainsKey(upstream) != true || f.Status.CurrentlyIn?.ContainsKey(upstream) != true)
                    {
                        continue;
                    }

                    var left = soak - FreightAvailability.SoakTime(f, upstream, now);
                    if (left > TimeSpan.Zero && (next is null || left < next))
                    {
                        next = left;
                    }
                }
            }
        }

        return next;
    }
}
