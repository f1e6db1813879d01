using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "registry-1.docker.io", false)]
    [InlineData("library/nginx", "docker.io", "library/nginx", "registry-1.docker.io", false)]
    [InlineData("docker.io/nginx", "docker.io", "library/nginx", "registry-1.docker.io", false)]
    [InlineData("index.docker.io/library/nginx", "docker.io", "library/nginx", "registry-1.docker.io", false)]
    [InlineData("registry-1.docker.io/bitnami/nginx", "docker.io", "bitnami/nginx", "registry-1.docker.io", false)]
    [InlineData("bitnami/nginx", "docker.io", "bitnami/nginx", "registry-1.docker.io", false)]
    [InlineData("ghcr.io/org/app", "ghcr.io", "org/app", "ghcr.io", false)]
    [InlineData("GHCR.io/org/app", "ghcr.io", "org/app", "ghcr.io", false)]
    [InlineData("public.ecr.aws/nginx/nginx", "public.ecr.aws", "nginx/nginx", "public.ecr.aws", false)]
    [InlineData("registry.example.com:8443/ns/sub/app", "registry.example.com:8443", "ns/sub/app", "registry.example.com:8443", false)]
    [InlineData("localhost:5000/app", "localhost:5000", "app", "localhost:5000", true)]
    [InlineData("localhost/app", "localhost", "app", "localhost", true)]
    [InlineData("127.0.0.1:5000/team/app", "127.0.0.1:5000", "team/app", "127.0.0.1:5000", true)]
    [InlineData("[::1]:5000/app", "[::1]:5000", "app", "[::1]:5000", true)]
    [InlineData("my-registry:5000/app", "my-registry:5000", "app", "my-registry:5000", false)]
    [InlineData("  ghcr.io/a/b-c__d.e  ", "ghcr.io", "a/b-c__d.e", "ghcr.io", false)]
    public void Parses_the_forms_users_write(string input, string registry, string repository, string apiHost, bool plainHttp)
    {
        var reference = ImageReference.Parse(input);

        reference.Registry.ShouldBe(registry);
        reference.Repository.ShouldBe(repository);
        reference.ApiHost.ShouldBe(apiHost);
        reference.PlainHttp.ShouldBe(plainHttp);
        reference.BaseUri.ToString().ShouldBe($"{(plainHttp ? "http" : "https")}://{apiHost}/");
    }

    [Fact]
    public void Plain_http_for_a_remote_registry_only_when_asked()
    {
        ImageReference.Parse("registry.internal:5000/app").PlainHttp.ShouldBeFalse();
        ImageReference.Parse("registry.internal:5000/app", allowPlainHttp: true).BaseUri.Scheme.ShouldBe("http");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("nginx:1.25", "must not contain a tag")]
    [InlineData("ghcr.io/org/app:latest", "must not contain a tag")]
    [InlineData("nginx@sha256:abc", "must not contain a digest")]
    [InlineData("https://ghcr.io/org/app", "must not have a scheme")]
    [InlineData("ghcr.io/Org/App", "invalid repository name")]
    [InlineData("ghcr.io/org//app", "invalid repository name")]
    [InlineData("ghcr.io/org/app/", "invalid repository name")]
    [InlineData("bad_host.io/app", "invalid registry host")]
    public void Rejects_invalid_references_with_a_reason(string input, string reason)
    {
        ImageReference.TryParse(input, false, out var reference, out var error).ShouldBeFalse();
        reference.ShouldBeNull();
        error.ShouldContain(reason);
        Should.Throw<FormatException>(() => ImageReference.Parse(input)).Message.ShouldContain(reason);
    }

    [Fact]
    public void Equal_inputs_give_equal_references()
    {
        ImageReference.Parse("nginx").ShouldBe(ImageReference.Parse("docker.io/library/nginx"));
        ImageReference.Parse("nginx").ToString().ShouldBe("docker.io/library/nginx");
    }
}
