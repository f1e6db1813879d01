namespace Dray.Core.Stages;

/// <summary>Whether something may proceed now, and why not.</summary>
public sealed record Gate(bool Open, string Reason)
{
    public static Gate Opened(string reason) => new(true, reason);

    public static Gate Closed(string reason) => new(false, reason);
}
