using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dray.TestKit.Helm;

namespace Dray.TestKit.Tests.Helm;

public sealed class BasicAuthHelmRepoServerTests(BasicAuthHelmRepoServer server) : IClassFixture<BasicAuthHelmRepoServer>
{
    [SkippableTheory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-password", HttpStatusCode.Unauthorized)]
    [InlineData("", HttpStatusCode.OK)]
    public async Task Index_needs_the_right_password(string? password, HttpStatusCode expected)
    {
        await server.AddChartAsync($"guarded{(int)expected}{password?.Length}", "1.0.0");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.IndexUrl);
        if (password is not null)
        {
            var secret = password.Length == 0 ? server.Credentials!.Password : password;
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{server.Credentials!.Username}:{secret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK)
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("guarded200");
        }
    }

    [SkippableFact]
    public async Task A_changed_password_takes_effect_at_once_and_the_old_one_is_refused()
    {
        var oldPassword = server.Credentials!.Password;
        var newPassword = $"changed-{Guid.NewGuid():N}";

        await server.ChangePasswordAsync(newPassword);

        server.Credentials!.Password.ShouldBe(newPassword);
        (await GetIndexAsync(oldPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetIndexAsync(newPassword)).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpStatusCode> GetIndexAsync(string password)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.IndexUrl);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{server.Credentials!.Username}:{password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
