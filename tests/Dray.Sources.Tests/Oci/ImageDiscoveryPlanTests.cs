using Dray.Core.Model.Warehouses;
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

    [Fact]
    public void A_Warehouse_subscription_gets_Kargo_defaults()
    {
        var request = ImageDiscoveryRequest.FromSubscription(new ImageSubscription { RepoURL = "ghcr.io/org/app" });

        request.ShouldBe(new ImageDiscoveryRequest
        {
            RepoUrl = "ghcr.io/org/app",
            Strategy = ImageSelectionStrategy.SemVer,
            StrictSemvers = true,
            DiscoveryLimit = 20,
            CacheByTag = false,
            InsecureSkipTlsVerify = false,
            AllowTagsRegexes = request.AllowTagsRegexes,
            IgnoreTagsRegexes = request.IgnoreTagsRegexes,
        });
        request.AllowTagsRegexes.ShouldBeEmpty();
        request.IgnoreTagsRegexes.ShouldBeEmpty();
    }

    [Fact]
    public void A_Warehouse_subscription_keeps_every_field()
    {
        var request = ImageDiscoveryRequest.FromSubscription(new ImageSubscription
        {
            RepoURL = "nginx",
            ImageSelectionStrategy = ImageSelectionStrategy.Digest,
            Constraint = "stable",
            StrictSemvers = false,
            AllowTagsRegexes = ["a"],
            IgnoreTagsRegexes = ["b"],
            Platform = "linux/arm64",
            DiscoveryLimit = 7,
            InsecureSkipTLSVerify = true,
            CacheByTag = true,
        });

        (request.Strategy, request.Constraint, request.StrictSemvers, request.Platform, request.DiscoveryLimit, request.InsecureSkipTlsVerify, request.CacheByTag)
            .ShouldBe((ImageSelectionStrategy.Digest, "stable", false, "linux/arm64", 7, true, true));
        request.AllowTagsRegexes.ShouldBe(["a"]);
        request.IgnoreTagsRegexes.ShouldBe(["b"]);
    }

    [Theory]
    [InlineData("^v1", null)]
    [InlineData(null, "latest")]
    public void Deprecated_tag_fields_fail_discovery(string? allowTags, string? ignoreTag)
    {
        var subscription = new ImageSubscription { RepoURL = "nginx", AllowTags = allowTags, IgnoreTags = ignoreTag is null ? null : [ignoreTag] };

        Should.Throw<FormatException>(() => ImageDiscoveryRequest.FromSubscription(subscription)).Message.ShouldContain("allowTagsRegexes");
    }
}
