namespace Dray.Core.FreightIdentity;

/// <summary>Promotion names, <c>lower(&lt;stage&gt;.&lt;ULID&gt;.&lt;freight[:7]&gt;)</c>; their lexical order is the queue order.</summary>
public static class PromotionName
{
    public static string Create(string stage, string freight, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Create(stage, freight, Ulid.NewUlid(timeProvider.GetUtcNow()));
    }

    /// <summary>Uses the given ULID; callers that create several names per millisecond should pass monotonic ULIDs.</summary>
    public static string Create(string stage, string freight, Ulid id) => DerivedName.Create(stage, id, freight);
}
