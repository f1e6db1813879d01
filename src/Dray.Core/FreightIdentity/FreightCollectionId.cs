namespace Dray.Core.FreightIdentity;

/// <summary>The ID of a Stage's Freight collection: SHA-1 over the sorted Freight names joined by commas.</summary>
public static class FreightCollectionId
{
    public static string Compute(IEnumerable<string> freightNames)
    {
        ArgumentNullException.ThrowIfNull(freightNames);
        var names = freightNames.ToList();
        names.Sort(StringComparer.Ordinal);
        return FreightId.Sha1Hex(string.Join(',', names));
    }
}
