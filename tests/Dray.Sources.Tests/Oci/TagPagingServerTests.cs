using System.Net;
using Dray.Sources.Oci;
using Dray.TestKit.Infrastructure;

namespace Dray.Sources.Tests.Oci;

/// <summary>
/// Paging as the distribution spec describes it (n, last, Link), served by a scripted registry on 127.0.0.1,
/// because Debian's docker-registry (distribution 2.8) ignores n and returns every tag at once.
/// </summary>
public sealed class TagPagingServerTests
{
    private static readonly string[] AllTags = Enumerable.Range(0, 120).Select(i => $"t{i:D3}").ToArray();

    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 3)]
    public async Task Follows_Link_headers_or_falls_back_to_last(bool sendLink, int expectedRequests)
    {
        await using var server = LoopbackHttpServer.Start(context => ServePage(context, sendLink));
        using var oci = new OciTestClient(new OciRegistryClientOptions { TagPageSize = 50 });

        var tags = await oci.Client.ListTagsAsync(new RegistryConnection(ImageReference.Parse($"{server.BaseUri.Authority}/app")), CancellationToken.None);

        tags.ShouldBe(AllTags);
        oci.Log.TagListRequests.ShouldBe(expectedRequests);
        oci.Log.Requests.Skip(1).ShouldAllBe(r => r.Uri.Query.Contains("last="));
    }

    private static Task ServePage(HttpListenerContext context, bool sendLink)
    {
        var query = context.Request.QueryString;
        var n = int.Parse(query["n"] ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
        var last = query["last"];
        var page = AllTags.Where(t => last is null || string.CompareOrdinal(t, last) > 0).Take(n).ToArray();
        var isLast = page.Length == 0 || page[^1] == AllTags[^1];
        if (sendLink && !isLast)
        {
            context.Response.AddHeader("Link", $"</v2/app/tags/list?n={n}&last={page[^1]}>; rel=\"next\"");
        }

        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = "app", ["tags"] = page });
        return LoopbackHttpServer.RespondAsync(context, 200, "application/json", body);
    }
}
