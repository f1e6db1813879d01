using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class WatchEndpointsTests(SharedServer server)
{
    private static object Warehouse(string name) => new
    {
        kind = "Warehouse",
        metadata = new { name },
        spec = new { subscriptions = new[] { new { image = new { repoURL = "nginx", constraint = "^1.0.0" } } } },
    };

    private static async Task<(HttpResponseMessage Response, SseReader Reader)> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        return (response, new SseReader(await response.Content.ReadAsStreamAsync()));
    }

    [Fact]
    public async Task A_watch_receives_a_write_made_after_it_opened_and_heartbeats_while_idle()
    {
        (await server.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "watched" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (response, reader) = await OpenAsync(server.Admin, "/api/v1/watch?project=watched&kind=warehouses");
        using (response)
        using (reader)
        {
            (await reader.NextLineAsync(timeout.Token)).ShouldBe(": heartbeat");
            (await server.Admin.PostAsJsonAsync("/api/v1/projects/watched/warehouses", Warehouse("fresh"))).EnsureSuccessStatusCode();

            var change = await reader.NextEventAsync(timeout.Token);

            change.Type.ShouldBe("ADDED");
            long.Parse(change.Id!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            var document = JsonDocument.Parse(change.Data!).RootElement;
            document.GetProperty("metadata").GetProperty("name").GetString().ShouldBe("fresh");
        }
    }

    [Fact]
    public async Task A_watch_resumes_after_Last_Event_ID()
    {
        (await server.Admin.PostAsJsonAsync("/api/v1/projects", new { metadata = new { name = "resumed" } })).EnsureSuccessStatusCode();
        var first = await (await server.Admin.PostAsJsonAsync("/api/v1/projects/resumed/warehouses", Warehouse("one"))).Content.ReadFromJsonAsync<JsonElement>();
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/resumed/warehouses", Warehouse("two"))).EnsureSuccessStatusCode();
        var afterFirst = first.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var (response, reader) = await OpenAsync(server.Admin, "/api/v1/watch?project=resumed", afterFirst);
        using (response)
        using (reader)
        {
            var change = await reader.NextEventAsync(timeout.Token);

            JsonDocument.Parse(change.Data!).RootElement.GetProperty("metadata").GetProperty("name").GetString().ShouldBe("two");
        }
    }

    [Fact]
    public async Task A_project_bound_viewer_sees_only_its_project_and_no_secrets()
    {
        (await server.Admin.PostAsJsonAsync("/api/v1/projects", new { metadata = new { name = "seen" } })).EnsureSuccessStatusCode();
        (await server.Admin.PostAsJsonAsync("/api/v1/projects", new { metadata = new { name = "unseen" } })).EnsureSuccessStatusCode();
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "ci-watch-viewer", "viewer", "seen");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        (await viewer.GetAsync("/api/v1/watch?project=unseen", HttpCompletionOption.ResponseHeadersRead)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (response, reader) = await OpenAsync(viewer, "/api/v1/watch");
        using (response)
        using (reader)
        {
            (await reader.NextLineAsync(timeout.Token)).ShouldBe(": heartbeat");
            (await server.Admin.PostAsJsonAsync("/api/v1/projects/unseen/warehouses", Warehouse("hidden"))).EnsureSuccessStatusCode();
            (await server.Admin.PostAsJsonAsync("/api/v1/projects/seen/secrets", new { kind = "Secret", apiVersion = "v1", metadata = new { name = "s" }, stringData = new { a = "b" } }))
                .EnsureSuccessStatusCode();
            (await server.Admin.PostAsJsonAsync("/api/v1/projects/seen/warehouses", Warehouse("visible"))).EnsureSuccessStatusCode();

            var change = await reader.NextEventAsync(timeout.Token);

            JsonDocument.Parse(change.Data!).RootElement.GetProperty("metadata").GetProperty("name").GetString().ShouldBe("visible");
        }
    }

    [Fact]
    public async Task A_watch_receives_the_documents_of_an_apply()
    {
        (await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Project("watch-apply")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (response, reader) = await OpenAsync(server.Admin, "/api/v1/watch?project=watch-apply");
        using (response)
        using (reader)
        {
            (await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Warehouse("watch-apply", "applied")))).StatusCode.ShouldBe(HttpStatusCode.OK);

            var change = await reader.NextEventAsync(timeout.Token);

            change.Type.ShouldBe("ADDED");
            var document = JsonDocument.Parse(change.Data!).RootElement;
            document.GetProperty("kind").GetString().ShouldBe("Warehouse");
            document.GetProperty("metadata").GetProperty("name").GetString().ShouldBe("applied");
        }
    }
}
