using Dray.Core.FreightIdentity;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class ChartUrlTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "oci://ghcr.io/Stefanprodan/Charts/podinfo", "ghcr.io/stefanprodan/charts/podinfo" },
        { "OCI://registry-1.docker.io/bitnamicharts/redis", "bitnamicharts/redis" },
        { "oci://docker.io/library/web-chart", "web-chart" },
        { "oci://index.docker.io/team/chart", "team/chart" },
        { "  oci://localhost:5000/charts/app  ", "localhost:5000/charts/app" },
        { "https://charts.example.com", "https://charts.example.com" },
        { "  HTTPS://Charts.Example.com/stable/ ", "https://charts.example.com/stable/" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalizes(string input, string expected) => ChartUrl.Normalize(input).ShouldBe(expected);
}
