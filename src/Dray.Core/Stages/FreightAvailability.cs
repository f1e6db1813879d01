using Dray.Core.Durations;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>
/// The availability rules (Kargo §5.5): approval beats everything, then <c>direct</c>, then the upstream Stages
/// with their strategy, where each upstream counts only when the Freight is verified there and soaked long enough.
/// </summary>
public static class FreightAvailability
{
    public static Availability Evaluate(Stage stage, Freight freight, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(freight);
        var stageName = stage.Metadata.Name ?? "";
        var request = FindRequest(stage, freight.Origin);
        if (request is null)
        {
            return Availability.No($"origin {freight.Origin} is not requested by this Stage");
        }

        if (freight.Status?.ApprovedFor?.ContainsKey(stageName) == true)
        {
            return Availability.Yes("approved for this Stage");
        }

        var sources = request.Sources;
        if (sources.Direct == true)
        {
            return Availability.Yes($"direct from {freight.Origin}");
        }

        var upstreams = sources.Stages ?? [];
        if (upstreams.Count == 0)
        {
            return Availability.No("not approved");
        }

        var soak = ParseSoak(sources.RequiredSoakTime);
        var results = upstreams.Select(up => Upstream(freight, up, soak, now)).ToList();
        var all = sources.AvailabilityStrategy == AvailabilityStrategy.All;
        var passed = results.Where(r => r.Available).ToList();
        var failed = results.Where(r => !r.Available).ToList();
        if (all ? failed.Count == 0 : passed.Count > 0)
        {
            return Availability.Yes(string.Join("; ", (all ? results : passed.Take(1)).Select(r => r.Reason)));
        }

        return Availability.No(string.Join("; ", (all ? failed : results).Select(r => r.Reason)));
    }

    /// <summary>The request slot the Freight fills, or null when the Stage does not request its origin.</summary>
    public static FreightRequest? FindRequest(Stage stage, FreightOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Spec.RequestedFreight.FirstOrDefault(r => r.Origin == origin);
    }

    /// <summary>
    /// How long the Freight has soaked in a Stage: the longest finished stay or the current one, whichever is
    /// longer; zero when it was never verified there.
    /// </summary>
    public static TimeSpan SoakTime(Freight freight, string stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(freight);
        if (freight.Status?.VerifiedIn?.TryGetValue(stage, out var verified) != true)
        {
            return TimeSpan.Zero;
        }

        var longest = GoDuration.TryParse(verified!.LongestSoak, out var parsed) ? parsed : TimeSpan.Zero;
        var current = freight.Status.CurrentlyIn?.TryGetValue(stage, out var stay) == true && stay.Since is { } since
            ? now - since
            : TimeSpan.Zero;
        return current > longest ? current : longest;
    }

    private static Availability Upstream(Freight freight, string upstream, TimeSpan requiredSoak, DateTimeOffset now)
    {
        if (freight.Status?.VerifiedIn?.ContainsKey(upstream) != true)
        {
            return Availability.No($"not verified in {upstream}");
        }

        if (requiredSoak <= TimeSpan.Zero)
        {
            return Availability.Yes($"verified in {upstream}");
        }

        var soaked = SoakTime(freight, upstream, now);
        return soaked >= requiredSoak
            ? Availability.Yes($"verified in {upstream}, soaked {GoDuration.Humanize(soaked)}")
            : Availability.No($"soaking in {upstream}: {GoDuration.Humanize(requiredSoak - soaked)} left");
    }

    private static TimeSpan ParseSoak(string? text) =>
        GoDuration.TryParse(text, out var soak) ? soak : TimeSpan.Zero;
}
