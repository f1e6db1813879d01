namespace Dray.Sources.Oci;

/// <summary>When an image was built: the latest of the OCI created annotation/label, the label-schema build date and the config's created time.</summary>
public static class BuildTime
{
    public const string OciCreated = "org.opencontainers.image.created";
    public const string LabelSchemaBuildDate = "org.label-schema.build-date";

    public static DateTimeOffset? Latest(
        IReadOnlyDictionary<string, string> manifestAnnotations,
        IReadOnlyDictionary<string, string> configLabels,
        DateTimeOffset? configCreated)
    {
        ArgumentNullException.ThrowIfNull(manifestAnnotations);
        ArgumentNullException.ThrowIfNull(configLabels);
        DateTimeOffset?[] candidates =
        [
            OciJson.ParseTime(manifestAnnotations.GetValueOrDefault(OciCreated)),
            OciJson.ParseTime(configLabels.GetValueOrDefault(OciCreated)),
            OciJson.ParseTime(configLabels.GetValueOrDefault(LabelSchemaBuildDate)),
            configCreated,
        ];
        return candidates.Max();
    }
}
