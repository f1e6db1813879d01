using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages.Verifying;

/// <summary>Pure edits of the verification history of the Stage's current FreightCollection.</summary>
public static class VerificationHistory
{
    private const int Limit = 10;

    /// <summary>Inserts the entry at the front, or replaces the entry with the same ID in place.</summary>
    public static StageStatus Record(StageStatus status, VerificationInfo info)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(info);
        if (status.FreightHistory is not { Count: > 0 } history)
        {
            return status;
        }

        var current = history[0];
        var entries = (current.VerificationHistory ?? []).ToList();
        var index = entries.FindIndex(v => v.Id == info.Id);
        if (index >= 0)
        {
            entries[index] = info;
        }
        else
        {
            entries.Insert(0, info);
        }

        FreightCollection updated = current with { VerificationHistory = entries.Take(Limit).ToList() };
        return status with { FreightHistory = [updated, .. history.Skip(1)] };
    }
}
