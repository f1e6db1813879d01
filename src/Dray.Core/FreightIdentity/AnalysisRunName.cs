namespace Dray.Core.FreightIdentity;

/// <summary>AnalysisRun names, <c>lower(&lt;stage&gt;.&lt;ULID&gt;.&lt;freightCollectionId[:7]&gt;)</c>.</summary>
public static class AnalysisRunName
{
    public static string Create(string stage, string freightCollectionId, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Create(stage, freightCollectionId, Ulid.NewUlid(timeProvider.GetUtcNow()));
    }

    public static string Create(string stage, string freightCollectionId, Ulid id) => DerivedName.Create(stage, id, freightCollectionId);
}
