using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class LoginEndpointsTests(SharedServer server)
{
    [Fact]
    public async Task Wrong_password_is_401_problem()
    {
        using var client = server.Host.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/login", new { password = "wrong" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Right_password_returns_a_session_token_that_authenticates()
    {
        using var client = server.Host.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/login", new { password = ServerHost.AdminPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<ServerHost.LoginBody>();
        body!.Token.ShouldStartWith("dray_");
        body.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        using var admin = server.Host.WithToken(body.Token);
        var version = await admin.GetFromJsonAsync<JsonElement>("/api/v1/version");
        version.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
    }
}
