using System.Net;
using Dray.Server.Security;
using Dray.Server.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dray.Server.Tests.Security;

[Collection(ServerCollection.Name)]
public sealed class AuthorizationTableTests(SharedServer server)
{
    private IReadOnlyList<RouteKey> MappedRoutes() =>
        [.. ((IEndpointRouteBuilder)server.Host.App).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => new RouteKey(m, e.RoutePattern.RawText ?? "")))];

    [Fact]
    public void Every_mapped_route_has_an_entry_in_the_table()
    {
        var missing = MappedRoutes().Where(r => AuthorizationTable.Find(r.Method, r.Pattern) is null).ToList();

        missing.ShouldBeEmpty($"routes without an authorization entry: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_table_entry_has_a_mapped_route()
    {
        var mapped = MappedRoutes().ToHashSet();

        var stale = AuthorizationTable.Entries.Keys.Where(k => !mapped.Contains(k)).ToList();

        stale.ShouldBeEmpty($"table entries without a route: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Only_health_login_and_sign_out_are_anonymous()
    {
        var anonymous = AuthorizationTable.Entries.Where(e => e.Value.Scope == AccessScope.Anonymous).Select(e => e.Key.ToString()).Order().ToList();

        anonymous.ShouldBe(["GET /_framework/opaque-redirect", "GET /healthz", "GET /login", "GET /readyz", "POST /api/v1/login", "POST /login", "POST /logout"]);
    }

    [Fact]
    public void Only_the_webhook_receiver_is_open_to_signed_deliveries()
    {
        var signed = AuthorizationTable.Entries.Where(e => e.Value.Scope == AccessScope.WebhookSignature).Select(e => e.Key.ToString()).ToList();

        signed.ShouldBe(["POST /webhooks/{receiverType}/{token}"]);
    }

    [Fact]
    public void Static_assets_are_anonymous_for_reads_only()
    {
        var assets = MappedRoutes().Where(r => AuthorizationTable.IsStaticAsset(r.Method, r.Pattern)).ToList();

        assets.ShouldContain(r => r.Pattern.StartsWith("_content/MudBlazor/", StringComparison.Ordinal));
        assets.ShouldAllBe(r => r.Method == "GET" || r.Method == "HEAD");
        AuthorizationTable.Find("POST", "_content/MudBlazor/MudBlazor.min.css").ShouldBeNull();
        AuthorizationTable.Find("GET", "/api/v1/secrets.css").ShouldBeNull();
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_on_every_protected_route()
    {
        using var client = server.Host.Anonymous();
        var protectedRoutes = MappedRoutes()
            .Where(r => AuthorizationTable.Find(r.Method, r.Pattern)!.Scope is not (AccessScope.Anonymous or AccessScope.UiPage or AccessScope.WebhookSignature))
            .Select(r => r.Method == "*" ? r with { Method = "GET" } : r)
            .ToList();
        protectedRoutes.Count.ShouldBeGreaterThan(50);

        foreach (var route in protectedRoutes)
        {
            var path = route.Pattern.Replace("{project}", "demo", StringComparison.Ordinal)
                .Replace("{Project}", "demo", StringComparison.Ordinal)
                .Replace("{name}", "thing", StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
            using var response = await client.SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route.ToString());
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", route.ToString());
        }
    }

    [Fact]
    public async Task Anonymous_routes_answer_without_a_token()
    {
        using var client = server.Host.Anonymous();

        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_token_is_401()
    {
        using var client = server.Host.WithToken("dray_not-a-real-token");

        (await client.GetAsync("/api/v1/version")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
