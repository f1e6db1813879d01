using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Dray.TestKit.Helm;

/// <summary>Builds a minimal chart archive (<c>NAME/Chart.yaml</c>, <c>values.yaml</c>, one template) in memory.</summary>
public static class HelmChartBuilder
{
    public static byte[] Build(string name, string version, string? appVersion, DateTimeOffset modified)
    {
        var chartYaml = new StringBuilder()
            .Append("apiVersion: v2\n")
            .Append("name: ").Append(name).Append('\n')
            .Append("version: ").Append(version).Append('\n')
            .Append("description: Dray test chart\n")
            .Append("type: application\n");
        if (appVersion is not null)
        {
            chartYaml.Append("appVersion: \"").Append(appVersion).Append("\"\n");
        }

        var files = new (string Path, string Content)[]
        {
            ($"{name}/Chart.yaml", chartYaml.ToString()),
            ($"{name}/values.yaml", "replicaCount: 1\nimage:\n  repository: nginx\n  tag: \"\"\n"),
            ($"{name}/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  tag: {{ .Values.image.tag | quote }}\n"),
        };

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                    ModificationTime = modified,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                });
            }
        }

        return buffer.ToArray();
    }
}
