using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Dray.TestKit.Helm;
using YamlDotNet.RepresentationModel;

namespace Dray.TestKit.Tests.Helm;

public sealed class HelmRepoServerTests(HelmRepoServer server) : IClassFixture<HelmRepoServer>
{
    [SkippableFact]
    public async Task Index_lists_published_charts_and_the_archives_match_their_digests()
    {
        await server.AddChartAsync("podinfo", "6.5.0", appVersion: "6.5.0");
        await server.AddChartAsync("podinfo", "6.5.1", appVersion: "6.5.1");
        using var client = new HttpClient();

        var index = new YamlStream();
        index.Load(new StringReader(await client.GetStringAsync(server.IndexUrl)));

        var root = (YamlMappingNode)index.Documents[0].RootNode;
        var entries = (YamlSequenceNode)((YamlMappingNode)root["entries"])["podinfo"];
        var versions = entries.Select(e => ((YamlScalarNode)((YamlMappingNode)e)["version"]).Value).ToList();
        versions.ShouldBe(["6.5.0", "6.5.1"], ignoreOrder: true);

        foreach (YamlMappingNode entry in entries)
        {
            var url = ((YamlScalarNode)((YamlSequenceNode)entry["urls"])[0]).Value!;
            var archive = await client.GetByteArrayAsync(new Uri(server.IndexUrl, url));
            Convert.ToHexString(SHA256.HashData(archive)).ToLowerInvariant().ShouldBe(((YamlScalarNode)entry["digest"]).Value);
            var chartYaml = await ReadChartYamlAsync(archive, "podinfo");
            chartYaml.ShouldContain($"version: {((YamlScalarNode)entry["version"]).Value}\n");
        }
    }

    [SkippableFact]
    public async Task Missing_chart_is_a_404()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(server.RepoUrl, "absent-0.0.1.tgz"));

        ((int)response.StatusCode).ShouldBe(404);
    }

    private static async Task<string> ReadChartYamlAsync(byte[] archive, string name)
    {
        await using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            if (entry.Name == $"{name}/Chart.yaml")
            {
                using var reader = new StreamReader(entry.DataStream!);
                return await reader.ReadToEndAsync();
            }
        }

        throw new InvalidDataException("Chart.yaml not found in the archive");
    }
}
