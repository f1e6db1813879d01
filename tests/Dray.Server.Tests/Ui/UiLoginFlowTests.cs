using System.Net;
using System.Text.RegularExpressions;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Ui;

/// <summary>The UI's cookie sign-in against a real server: redirect, form post, cookie flags, cookie scope.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class UiLoginFlowTests(SharedServer server)
{
    [Fact]
    public async Task Anonymous_page_visit_redirects_to_login_with_return_url()
    {
        using var client = Browser(new CookieContainer());

        var response = await client.GetAsync("/projects/demo?x=1");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationOf(response).ShouldBe("/login?returnUrl=%2Fprojects%2Fdemo%3Fx%3D1");
    }

    [Fact]
    public async Task Login_page_and_static_assets_need_no_sign_in()
    {
        using var client = Browser(new CookieContainer());

        var login = await client.GetAsync("/login");
        var css = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await login.Content.ReadAsStringAsync()).ShouldContain("Sign in to Dray");
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await css.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(1000);
        var script = await client.GetAsync("/_framework/blazor.web.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task Admin_password_sets_a_strict_http_only_cookie_that_opens_pages_but_not_the_api()
    {
        var cookies = new CookieContainer();
        using var client = Browser(cookies);

        var response = await PostLoginAsync(client, "AdminPassword", ServerHost.AdminPassword, "/projects/demo");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationOf(response).ShouldBe("/projects/demo");
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dray_session=", StringComparison.Ordinal));
        setCookie.ShouldContain("httponly", Case.Insensitive);
        setCookie.ShouldContain("samesite=strict", Case.Insensitive);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/version")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_token_signs_in_too()
    {
        using var tokenClient = await server.Host.TokenClientAsync(server.Admin, "ui-login-viewer", "viewer", "ui-login");
        var token = tokenClient.DefaultRequestHeaders.Authorization!.Parameter!;
        using var client = Browser(new CookieContainer());

        var response = await PostLoginAsync(client, "ApiToken", token, null);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationOf(response).ShouldBe("/");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("AdminPassword", "wrong password")]
    [InlineData("ApiToken", "dray_not-a-token")]
    public async Task A_wrong_secret_sets_no_cookie_and_says_so(string mode, string secret)
    {
        using var client = Browser(new CookieContainer());

        var response = await PostLoginAsync(client, mode, secret, null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        cookies.ShouldNotContain(c => c.StartsWith("dray_session=", StringComparison.Ordinal));
        (await response.Content.ReadAsStringAsync()).ShouldContain("not accepted");
    }

    [Fact]
    public async Task A_foreign_return_url_is_ignored()
    {
        using var client = Browser(new CookieContainer());

        var response = await PostLoginAsync(client, "AdminPassword", ServerHost.AdminPassword, "//evil.example/");

        LocationOf(response).ShouldBe("/");
    }

    [Fact]
    public async Task Sign_out_ends_the_session_behind_the_cookie()
    {
        var cookies = new CookieContainer();
        using var client = Browser(cookies);
        await PostLoginAsync(client, "AdminPassword", ServerHost.AdminPassword, null);
        var session = cookies.GetCookies(server.Host.BaseAddress)["dray_session"]!.Value;
        var page = await client.GetStringAsync("/");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
        });
        var response = await client.PostAsync("/logout", form);

        LocationOf(response).ShouldBe("/login");
        var replay = new CookieContainer();
        replay.Add(server.Host.BaseAddress, new Cookie("dray_session", session));
        using var stale = Browser(replay);
        (await stale.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session token no longer resolves");
    }

    private static string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Host.BaseAddress };

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string mode, string secret, string? returnUrl)
    {
        var page = await (await client.GetAsync("/login")).Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        antiforgery.ShouldNotBeEmpty();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["Model.Mode"] = mode,
            ["Model.Secret"] = secret,
        });
        var target = returnUrl is null ? "/login" : $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostAsync(target, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
