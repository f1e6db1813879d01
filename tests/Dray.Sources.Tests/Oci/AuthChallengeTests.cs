using System.Net.Http.Headers;
using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Parses_a_bearer_challenge_with_commas_inside_quotes()
    {
        var challenge = AuthChallenge.Parse(new AuthenticationHeaderValue(
            "Bearer", "realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\""));

        challenge.IsBearer.ShouldBeTrue();
        challenge.Realm.ShouldBe("https://auth.docker.io/token");
        challenge.Service.ShouldBe("registry.docker.io");
        challenge.Scope.ShouldBe("repository:samalba/my-app:pull,push");
    }

    [Fact]
    public void Parses_basic_and_unquoted_values()
    {
        var basic = AuthChallenge.Parse(new AuthenticationHeaderValue("Basic", "realm=\"Registry Realm\""));
        basic.IsBasic.ShouldBeTrue();
        basic.Realm.ShouldBe("Registry Realm");

        AuthChallenge.ParseParameters("realm=x, service = y ,error=\"a \\\"b\\\"\"")
            .ShouldBe(new Dictionary<string, string> { ["realm"] = "x", ["service"] = "y", ["error"] = "a \"b\"" });
    }

    [Fact]
    public void Prefers_bearer_when_a_response_offers_both()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Basic", "realm=\"r\""));
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer", "realm=\"https://t/token\""));

        AuthChallenge.FromResponse(response)!.IsBearer.ShouldBeTrue();
    }
}
