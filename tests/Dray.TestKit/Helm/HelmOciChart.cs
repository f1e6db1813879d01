using System.Text.Json.Nodes;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Helm;

/// <summary>Writes a Helm chart as an OCI artifact layout, ready for <see cref="OciRegistry.PushAsync"/>.</summary>
public static class HelmOciChart
{
    public const string ConfigMediaType = "application/vnd.cncf.helm.config.v1+json";
    public const string ContentMediaType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    public static Task<OciLayout> WriteLayoutAsync(
        string directory,
        string name,
        string version,
        string? appVersion,
        DateTimeOffset created,
        CancellationToken cancellationToken = default)
    {
        var config = new JsonObject { ["apiVersion"] = "v2", ["name"] = name, ["version"] = version, ["type"] = "application" };
        if (appVersion is not null)
        {
            config["appVersion"] = appVersion;
        }

        var archive = HelmChartBuilder.Build(name, version, appVersion, created);
        return OciImageBuilder.WriteArtifactAsync(
            directory, ConfigMediaType, System.Text.Encoding.UTF8.GetBytes(config.ToJsonString()), ContentMediaType, archive, cancellationToken);
    }
}
