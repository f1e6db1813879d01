using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class ImageDiscoveryPlanTests
{
    public static TheoryData<ImageDiscoveryRequest, string> Invalid => new()
    {
        { new ImageDiscoveryRequest { RepoUrl = "nginx:1.0" }, "must not contain a tag" },
        { new ImageDiscoveryRequest { RepoUrl = "nginx", DiscoveryLimit = 0 }, "discoveryLimit must be between 1 and 100" },
        { new ImageDiscoveryRequest { RepoUrl = "nginx", DiscoveryLimit = 101 }, "discoveryLimit must be between 1 and 100" },
        { new ImageDiscoveryRequest { RepoUrl = "nginx", Strategy = ImageSelectionStrategy.Digest }, "needs the tag to track" },
        { new ImageDiscoveryRequest { RepoUrl = "nginx", Constraint = "^^1" }, "invalid version constraint" },
        { new ImageDiscoveryRequest { RepoUrl = "nginx", Platform = "linux" }, "os/arch" },
        { new ImageDiscoveryRequest { RepoUrl = "nginx", IgnoreTagsRegexes = ["("] }, "ignoreTagsRegexes" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_subscriptions_are_format_errors(ImageDiscoveryRequest request, string message)
    {
        Should.Throw<FormatException>(() => ImageDiscoveryPlan.Create(request)).Message.ShouldContain(message);
    }

    [Fact]
    public void Constraint_means_the_tag_for_Digest_and_is_ignored_by_Lexical()
    {
        ImageDiscoveryPlan.Create(new ImageDiscoveryRequest { RepoUrl = "nginx", Strategy = ImageSelectionStrategy.Digest, Constraint = " latest " })
            .DigestTag.ShouldBe("latest");
        ImageDiscoveryPlan.Create(new ImageDiscoveryRequest { RepoUrl = "nginx", Strategy = ImageSelectionStrategy.Lexical, Constraint = "not a constraint" })
            .Constraint.ShouldBeNull();
        var semver = ImageDiscoveryPlan.Create(new ImageDiscoveryRequest { RepoUrl = "nginx", Constraint = "^1.2", Platform = "linux/arm64" });
        semver.Constraint!.Text.ShouldBe("^1.2");
        semver.Platform.ShouldBe(new OciPlatform("linux", "arm64"));
        semver.Limit.ShouldBe(20);
    }
}
