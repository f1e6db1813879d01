using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class TagPagingTests
{
    private static readonly ImageReference Image = ImageReference.Parse("127.0.0.1:5000/team/app");

    [Theory]
    [InlineData("</v2/team/app/tags/list?last=b&n=2>; rel=\"next\"", "/v2/team/app/tags/list?last=b&n=2")]
    [InlineData("<https://r.example/v2/x/tags/list?n=2&last=z>; rel=next", "https://r.example/v2/x/tags/list?n=2&last=z")]
    [InlineData("</prev>; rel=\"prev\", </next>; rel=\"next\"", "/next")]
    [InlineData("</a>; title=\"x\"; rel=\"first next\"", "/a")]
    [InlineData("</prev>; rel=\"prev\"", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Finds_the_next_link(string? header, string? expected)
    {
        TagPaging.NextLink(header).ShouldBe(expected);
    }

    [Fact]
    public void Follows_a_relative_link_against_the_current_page()
    {
        var current = new Uri("http://127.0.0.1:5000/v2/team/app/tags/list?n=2");

        TagPaging.NextPage("</v2/team/app/tags/list?last=b&n=2>; rel=\"next\"", current, ["a", "b"], 2, Image)
            .ShouldBe(new Uri("http://127.0.0.1:5000/v2/team/app/tags/list?last=b&n=2"));
    }

    [Fact]
    public void Falls_back_to_last_only_when_a_full_page_has_no_link()
    {
        var current = new Uri("http://127.0.0.1:5000/v2/team/app/tags/list?n=2");

        TagPaging.NextPage(null, current, ["a", "b+c"], 2, Image)
            .ShouldBe(new Uri("http://127.0.0.1:5000/v2/team/app/tags/list?n=2&last=b%2Bc"));
        TagPaging.NextPage(null, current, ["a"], 2, Image).ShouldBeNull();
        TagPaging.NextPage(null, current, ["a", "b", "c"], 2, Image).ShouldBeNull("a registry that ignores n sent everything");
        TagPaging.NextPage(null, current, [], 2, Image).ShouldBeNull();
    }
}
