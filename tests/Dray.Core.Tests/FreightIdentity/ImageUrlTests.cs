using Dray.Core.FreightIdentity;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class ImageUrlTests
{
    private const string Digest = "sha256:b2487a28589657b318e0d63110056e11564e73b9fd3ec4c4afba5542f9d07d46";

    public static TheoryData<string, string> Cases => new()
    {
        // Docker Hub: every spelling of the host and the library/ namespace collapse
        { "nginx", "nginx" },
        { "library/nginx", "nginx" },
        { "docker.io/library/nginx:1.29", "nginx" },
        { "index.docker.io/bitnami/redis", "bitnami/redis" },
        { "registry-1.docker.io/library/busybox@" + Digest, "busybox" },
        { "registry-1.docker.io/team/app", "team/app" },
        { "docker.io/team/app:1.0@" + Digest, "team/app" },

        // other registries keep host (and port) and lose tags and digests
        { "ghcr.io/Akuity/Guestbook", "ghcr.io/akuity/guestbook" },
        { "public.ecr.aws/nginx/nginx:1.29.0", "public.ecr.aws/nginx/nginx" },
        { "localhost:5000/team/app:v1", "localhost:5000/team/app" },
        { "registry.example.com:443/a/b/c", "registry.example.com:443/a/b/c" },

        // whitespace of every kind goes, even inside, and encoded characters are decoded first
        { " \u200Bquay.io/org/app\t", "quay.io/org/app" },
        { "\u00A0ghcr.io/org/\uFEFFapp\n", "ghcr.io/org/app" },
        { "docker.io/team%20a/app", "teama/app" },

        // not image references: returned sanitized only
        { "https://ghcr.io/x/y", "https://ghcr.io/x/y" },
        { "ghcr.io/org/app:v1+build", "ghcr.io/org/app:v1+build" },
        { "ghcr.io/org/app@sha256:abc", "ghcr.io/org/app@sha256:abc" },
        { "bad!name", "bad!name" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalizes(string input, string expected) => ImageUrl.Normalize(input).ShouldBe(expected);
}
