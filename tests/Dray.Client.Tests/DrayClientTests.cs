using System.Net;
using Dray.Client.Models;
using Dray.Core.Resources;

namespace Dray.Client.Tests;

public sealed class DrayClientTests : IAsyncLifetime
{
    private FakeDrayServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeDrayServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private DrayClient Client(string? token = "session-token") => new(_server.BaseAddress, token);

    [Fact]
    public async Task Login_returns_the_session_token_and_a_wrong_password_is_a_problem()
    {
        using var client = Client(token: null);
        var login = await client.LoginAsync("pw", CancellationToken.None);
        login.Token.ShouldBe("session-token");
        login.ExpiresAt.ShouldBe(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));

        var ex = await Should.ThrowAsync<DrayApiException>(() => client.LoginAsync("nope", CancellationToken.None));
        ex.Status.ShouldBe(HttpStatusCode.Unauthorized);
        ex.Message.ShouldBe("wrong password");
    }

    [Fact]
    public async Task The_token_is_sent_as_a_bearer_header()
    {
        using var client = Client();
        (await client.GetVersionAsync(CancellationToken.None)).ShouldBe(new ServerVersion("1.2.3", "abc1234"));
        using var anonymous = Client(token: null);
        (await Should.ThrowAsync<DrayApiException>(() => anonymous.GetVersionAsync(CancellationToken.None))).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Apply_sends_every_file_as_one_part_of_one_request()
    {
        using var client = Client();
        var result = await client.ApplyAsync(
            [new ManifestFile("dir/a.yaml", "kind: Stage\n"), new ManifestFile("b.json", "{\"kind\":\"Stage\"}")], dryRun: false, project: "p", CancellationToken.None);

        _server.Requests.Count(r => r.StartsWith("POST /api/v1/resources", StringComparison.Ordinal)).ShouldBe(1);
        _server.Requests.ShouldContain(r => r.StartsWith("POST /api/v1/resources?project=p ", StringComparison.Ordinal));
        _server.Parts.Select(p => (p.FileName, p.ContentType?.Split(';')[0], p.Content)).ShouldBe(
            [("dir/a.yaml", "application/yaml", "kind: Stage\n"), ("b.json", "application/json", "{\"kind\":\"Stage\"}")]);
        result.Results.ShouldBe([new ResourceResult("Stage", "p", "a", "configured"), new ResourceResult("Stage", "p", "b", "configured")]);
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.ToString().ShouldBe("a.yaml:3: spec.subscriptions[0].image.semverConstraint: renamed to constraint");
    }

    [Fact]
    public async Task Apply_dry_run_is_a_query_flag()
    {
        using var client = Client();
        var result = await client.ApplyAsync([new ManifestFile("x.yaml", "kind: Stage")], dryRun: true, project: null, CancellationToken.None);
        _server.Requests.ShouldContain(r => r.StartsWith("POST /api/v1/resources?dryRun=true ", StringComparison.Ordinal));
        result.Results.ShouldHaveSingleItem().Action.ShouldBe("created");
    }

    [Fact]
    public async Task A_422_carries_the_manifest_errors_with_positions()
    {
        using var client = Client();
        var ex = await Should.ThrowAsync<DrayApiException>(() =>
            client.ApplyAsync([new ManifestFile("bad.yaml", "invalid")], false, null, CancellationToken.None));
        ex.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        ex.Message.ShouldBe("1 manifest error");
        ex.Errors.ShouldHaveSingleItem().ToString().ShouldBe("bad.yaml:4:7: spec.subscriptions: is required");
    }

    [Fact]
    public async Task List_all_follows_continue_tokens()
    {
        using var client = Client();
        var names = new List<string>();
        await foreach (var d in client.ListAllAsync(ResourceKinds.Stage, "p", CancellationToken.None))
        {
            names.Add(d.Name);
        }

        names.ShouldBe(["a", "b", "c"]);
        var first = await client.ListAsync(ResourceKinds.Stage, "p", null, 2, CancellationToken.None);
        first.Continue.ShouldBe("page-2");
        first.ResourceVersion.ShouldBe("7");
        _server.Requests.ShouldContain(r => r.StartsWith("GET /api/v1/projects/p/stages?limit=2 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_and_delete_report_not_found_as_a_problem()
    {
        using var client = Client();
        (await client.GetAsync(ResourceKinds.Stage, "p", "dev", CancellationToken.None)).Key.ShouldBe(new ResourceKey("Stage", "p", "dev"));
        await client.DeleteResourceAsync(ResourceKinds.Stage, "p", "dev", CancellationToken.None);
        var ex = await Should.ThrowAsync<DrayApiException>(() => client.DeleteResourceAsync(ResourceKinds.Stage, "p", "missing", CancellationToken.None));
        ex.Status.ShouldBe(HttpStatusCode.NotFound);
        ex.Message.ShouldBe("Stage \"missing\" not found in project \"p\"");
    }

    [Fact]
    public async Task A_non_json_error_body_becomes_the_message()
    {
        using var client = Client();
        var ex = await Should.ThrowAsync<DrayApiException>(() => client.GetAsync(ResourceKinds.Stage, "p", "broken", CancellationToken.None));
        ex.Status.ShouldBe(HttpStatusCode.BadGateway);
        ex.Message.ShouldBe("upstream exploded");
    }

    [Fact]
    public async Task Watch_yields_each_event_with_multi_line_data_joined()
    {
        using var client = Client();
        var events = new List<WatchEvent>();
        await foreach (var e in client.WatchAsync("p", ResourceKinds.Stage, "7", CancellationToken.None))
        {
            events.Add(e);
        }

        events.Select(e => (e.Type, e.Id, e.Document.Name)).ShouldBe([("ADDED", "8", "a"), ("DELETED", "9", "b")]);
        _server.Requests.ShouldContain(r => r.StartsWith("GET /api/v1/watch?project=p&kind=Stage&resourceVersion=7 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_token_returns_the_secret_once()
    {
        using var client = Client();
        var token = await client.CreateTokenAsync("ci", "promoter", null, CancellationToken.None);
        token.ShouldBe(new CreatedToken("ci", "promoter", null, "dray_ci"));
    }

    [Fact]
    public async Task A_refused_connection_names_the_server()
    {
        using var client = new DrayClient(new Uri("http://127.0.0.1:1"), null);
        var ex = await Should.ThrowAsync<DrayConnectionException>(() => client.GetVersionAsync(CancellationToken.None));
        ex.Message.ShouldStartWith("cannot reach the Dray server at http://127.0.0.1:1/");
        ex.Server.ShouldBe(new Uri("http://127.0.0.1:1"));
    }
}
