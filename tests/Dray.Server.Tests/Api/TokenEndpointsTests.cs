using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class TokenEndpointsTests(SharedServer server)
{
    [Fact]
    public async Task A_token_is_shown_once_and_listed_without_its_secret()
    {
        var response = await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ci-list", role = "viewer" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<ServerHost.CreatedTokenBody>();
        created!.Token.Length.ShouldBeGreaterThan(40);

        var listed = await server.Admin.GetStringAsync("/api/v1/tokens");

        listed.ShouldContain("\"ci-list\"");
        listed.ShouldNotContain(created.Token);
        foreach (var file in Directory.GetFiles(server.Host.DataDirectory, "auth.db*"))
        {
            (await ReadSharedAsync(file)).ShouldNotContain(created.Token);
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Duplicate_names_conflict_and_bad_roles_are_rejected()
    {
        (await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ci-dup", role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ci-dup", role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ci-bad", role = "root" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ci-adm", role = "admin", project = "p" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_revoked_token_stops_working()
    {
        using var client = await server.Host.TokenClientAsync(server.Admin, "ci-revoke", "viewer");
        (await client.GetAsync("/api/v1/version")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await server.Admin.DeleteAsync("/api/v1/tokens/ci-revoke")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/v1/version")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await server.Admin.DeleteAsync("/api/v1/tokens/ci-revoke")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_manage_tokens()
    {
        using var projectAdmin = await server.Host.TokenClientAsync(server.Admin, "ci-padmin-tokens", "project-admin");

        var response = await projectAdmin.PostAsJsonAsync("/api/v1/tokens", new { name = "sneaky", role = "admin" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(403);
    }
}
