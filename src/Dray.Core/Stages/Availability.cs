namespace Dray.Core.Stages;

/// <summary>Whether one Freight may be promoted to one Stage, and why, in words for people.</summary>
public sealed record Availability(bool Available, string Reason)
{
    public static Availability Yes(string reason) => new(true, reason);

    public static Availability No(string reason) => new(false, reason);
}
