using System.Net;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Oci;

public sealed class TokenAuthOciRegistryTests(TokenAuthOciRegistry registry)
    : AuthenticatedOciRegistryTests<TokenAuthOciRegistry>(registry), IClassFixture<TokenAuthOciRegistry>
{
    [SkippableFact]
    public async Task Challenge_names_the_token_realm_and_service()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(Registry.BaseUri, "v2/"));

        var challenge = response.Headers.WwwAuthenticate.Single();
        challenge.Scheme.ShouldBe("Bearer");
        challenge.Parameter!.ShouldContain($"realm=\"{Registry.TokenIssuer.Realm}\"");
        challenge.Parameter!.ShouldContain($"service=\"{Registry.TokenIssuer.Service}\"");
    }

    [SkippableFact]
    public async Task Issued_token_grants_the_requested_scope_to_the_user()
    {
        using var client = new HttpClient();
        var url = $"{Registry.TokenIssuer.Realm}?service={Registry.TokenIssuer.Service}&scope=repository:team/app:pull,push";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Registry.Credentials!.Username}:{Registry.Credentials.Password}"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", basic);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var claims = RegistryJwt.ReadClaims(token);
        claims["sub"]!.GetValue<string>().ShouldBe(Registry.Credentials.Username);
        claims["aud"]!.GetValue<string>().ShouldBe(Registry.TokenIssuer.Service);
        claims["access"]![0]!["name"]!.GetValue<string>().ShouldBe("team/app");
        claims["access"]![0]!["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["pull", "push"]);

        using var v2 = new HttpRequestMessage(HttpMethod.Get, new Uri(Registry.BaseUri, "v2/"));
        v2.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var accepted = await client.SendAsync(v2);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Token_signed_by_another_key_is_refused_by_the_registry()
    {
        await using var stranger = new RegistryTokenIssuer(Registry.Credentials!, Registry.TokenIssuer.Service, Registry.TokenIssuer.Issuer, TimeProvider.System);
        using var client = new HttpClient();
        var json = await client.GetStringAsync($"{stranger.Realm}?service={stranger.Service}");
        var token = System.Text.Json.Nodes.JsonNode.Parse(json)!["token"]!.GetValue<string>();

        using var v2 = new HttpRequestMessage(HttpMethod.Get, new Uri(Registry.BaseUri, "v2/"));
        v2.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(v2);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
