using System.Net.Http.Headers;
using Kit = Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

/// <summary>Pushing test images: skopeo for real images, a manifest PUT to add many tags to one image cheaply.</summary>
public static class RegistryImages
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Pushes a distinct single-platform image built at <c>Epoch + minutes</c>; returns its manifest digest.</summary>
    public static async Task<string> PushAsync(Kit.OciRegistry registry, string repository, string tag, int minutes, IReadOnlyDictionary<string, string>? labels = null)
    {
        var layout = await registry.PushImageAsync(repository, tag, new Kit.OciImageSpec
        {
            Created = Epoch.AddMinutes(minutes),
            Content = $"{repository}:{tag}",
            Labels = labels ?? new Dictionary<string, string>(),
        });
        return layout.Root.Digest;
    }

    /// <summary>Points more tags at the manifest <paramref name="source"/> refers to (anonymous registries only).</summary>
    public static async Task TagAsync(Kit.OciRegistry registry, string repository, string source, IEnumerable<string> tags)
    {
        using var http = new HttpClient { BaseAddress = registry.BaseUri };
        using var get = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{source}");
        get.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.manifest.v1+json"));
        get.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.index.v1+json"));
        using var response = await http.SendAsync(get);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var mediaType = response.Content.Headers.ContentType!.MediaType!;

        await Parallel.ForEachAsync(tags, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (tag, ct) =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            using var put = await http.PutAsync($"v2/{repository}/manifests/{tag}", content, ct);
            put.EnsureSuccessStatusCode();
        });
    }
}
