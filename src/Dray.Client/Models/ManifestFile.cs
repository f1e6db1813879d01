namespace Dray.Client.Models;

/// <summary>One manifest file sent as one part of a multipart apply; <paramref name="Name"/> is what errors cite.</summary>
public sealed record ManifestFile(string Name, string Content)
{
    public string MediaType =>
        Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "application/yaml";
}
