using Dray.Sources.Oci;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Sources.Tests.Oci;

public sealed class RegistryTokenCacheTests
{
    [Fact]
    public void Keeps_a_token_until_it_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var cache = new RegistryTokenCache(time);
        var key = RegistryTokenCache.Key("svc", null, "repository:a:pull");
        cache.Put(key, "t", time.GetUtcNow().AddMinutes(5));

        cache.TryGet(key, out var token).ShouldBeTrue();
        token.ShouldBe("t");
        time.Advance(TimeSpan.FromMinutes(5));
        cache.TryGet(key, out _).ShouldBeFalse();
    }

    [Fact]
    public void Keys_separate_credentials_and_scopes_without_exposing_secrets()
    {
        var a = RegistryTokenCache.Key("svc", new RegistryCredential("u", "secret-1"), "repository:a:pull");
        var b = RegistryTokenCache.Key("svc", new RegistryCredential("u", "secret-2"), "repository:a:pull");
        var c = RegistryTokenCache.Key("svc", new RegistryCredential("u", "secret-1"), "repository:b:pull");

        new[] { a, b, c }.Distinct().Count().ShouldBe(3);
        a.ShouldNotContain("secret-1");
    }
}
