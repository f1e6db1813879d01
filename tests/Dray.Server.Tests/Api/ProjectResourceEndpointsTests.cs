using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ProjectResourceEndpointsTests(SharedServer server)
{
    private async Task CreateProjectAsync(string name) =>
        (await server.Admin.PostAsJsonAsync("/api/v1/projects", new { metadata = new { name } })).StatusCode.ShouldBe(HttpStatusCode.Created);

    private static object Warehouse(string name, string? resourceVersion = null, string constraint = "^1.0.0") => new
    {
        apiVersion = "kargo.akuity.io/v1alpha1",
        kind = "Warehouse",
        metadata = new { name, resourceVersion },
        spec = new { subscriptions = new[] { new { image = new { repoURL = "nginx", constraint } } } },
    };

    [Fact]
    public async Task Lists_page_with_continue_tokens_in_the_List_shape()
    {
        await CreateProjectAsync("paging");
        foreach (var name in new[] { "w1", "w2", "w3", "w4", "w5" })
        {
            (await server.Admin.PostAsJsonAsync("/api/v1/projects/paging/warehouses", Warehouse(name))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/projects/paging/warehouses?limit=2" + (token is null ? "" : $"&continue={Uri.EscapeDataString(token)}");
            var list = await server.Admin.GetFromJsonAsync<JsonElement>(url);
            list.GetProperty("apiVersion").GetString().ShouldBe("v1");
            list.GetProperty("kind").GetString().ShouldBe("List");
            list.GetProperty("metadata").GetProperty("resourceVersion").GetString().ShouldNotBeNullOrEmpty();
            var items = list.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeLessThanOrEqualTo(2);
            names.AddRange(items.Select(i => i.GetProperty("metadata").GetProperty("name").GetString()!));
            var next = list.GetProperty("metadata").GetProperty("continue");
            token = next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        names.ShouldBe(["w1", "w2", "w3", "w4", "w5"]);
        pages.ShouldBe(3);
    }

    [Fact]
    public async Task Get_update_with_stale_version_conflicts_and_delete_removes()
    {
        await CreateProjectAsync("crud");
        var created = await (await server.Admin.PostAsJsonAsync("/api/v1/projects/crud/warehouses", Warehouse("app"))).Content.ReadFromJsonAsync<JsonElement>();
        var version = created.GetProperty("metadata").GetProperty("resourceVersion").GetString();

        (await server.Admin.PutAsJsonAsync("/api/v1/projects/crud/warehouses/app", Warehouse("app", version, "^2.0.0"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await server.Admin.PutAsJsonAsync("/api/v1/projects/crud/warehouses/app", Warehouse("app", version, "^3.0.0"));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        var fetched = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/crud/warehouses/app");
        fetched.GetProperty("spec").GetProperty("subscriptions")[0].GetProperty("image").GetProperty("constraint").GetString().ShouldBe("^2.0.0");
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/crud/warehouses", Warehouse("app"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await server.Admin.DeleteAsync("/api/v1/projects/crud/warehouses/app")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await server.Admin.GetAsync("/api/v1/projects/crud/warehouses/app")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await server.Admin.DeleteAsync("/api/v1/projects/crud/warehouses/app")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_in_a_missing_project_is_404_and_a_mismatched_namespace_is_400()
    {
        await CreateProjectAsync("mismatch");

        (await server.Admin.PostAsJsonAsync("/api/v1/projects/nowhere/warehouses", Warehouse("a"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = new { kind = "Warehouse", metadata = new { name = "a", @namespace = "other" }, spec = new { } };
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/mismatch/warehouses", body)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var wrongKind = new { kind = "Stage", metadata = new { name = "a" }, spec = new { } };
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/mismatch/warehouses", wrongKind)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_project_bound_token_cannot_touch_another_project()
    {
        await CreateProjectAsync("mine");
        await CreateProjectAsync("theirs");
        using var client = await server.Host.TokenClientAsync(server.Admin, "ci-mine", "project-admin", "mine");

        (await client.PostAsJsonAsync("/api/v1/projects/mine/warehouses", Warehouse("ok"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/projects/theirs/warehouses", Warehouse("no"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/projects/theirs/warehouses")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/projects/theirs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync("/api/v1/projects/mine")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var projects = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        projects.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("metadata").GetProperty("name").GetString()).ShouldBe(["mine"]);
    }

    [Fact]
    public async Task Viewers_read_but_do_not_write_and_promoters_create_promotions_only()
    {
        await CreateProjectAsync("roles");
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "ci-roles-viewer", "viewer");
        using var promoter = await server.Host.TokenClientAsync(server.Admin, "ci-roles-promoter", "promoter", "roles");

        (await viewer.GetAsync("/api/v1/projects/roles/warehouses")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync("/api/v1/projects/roles/warehouses", Warehouse("v"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/v1/projects/roles/secrets")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await promoter.PostAsJsonAsync("/api/v1/projects/roles/warehouses", Warehouse("p"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var promotion = new { kind = "Promotion", metadata = new { name = "promo-1" }, spec = new { stage = "dev", freight = "abc", steps = new[] { new { uses = "git-clone" } } } };
        var created = await promoter.PostAsJsonAsync("/api/v1/projects/roles/promotions", promotion);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deleting_a_project_deletes_what_is_in_it()
    {
        await CreateProjectAsync("doomed");
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/doomed/warehouses", Warehouse("w"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await server.Admin.DeleteAsync("/api/v1/projects/doomed")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await server.Admin.GetAsync("/api/v1/projects/doomed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/doomed/warehouses");
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Cluster_kinds_are_served_at_the_top_level()
    {
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "ci-cluster-viewer", "viewer");
        var task = new { kind = "ClusterPromotionTask", metadata = new { name = "shared" }, spec = new { steps = new[] { new { uses = "git-clone" } } } };

        (await viewer.PostAsJsonAsync("/api/v1/clusterpromotiontasks", task)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await server.Admin.PostAsJsonAsync("/api/v1/clusterpromotiontasks", task)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var fetched = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/clusterpromotiontasks/shared");
        fetched.GetProperty("metadata").TryGetProperty("namespace", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_kind_route()
    {
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "ci-openapi", "viewer");

        var document = await viewer.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/projects/{project}/stages");
        paths.ShouldContain("/api/v1/projects/{project}/secrets/{name}");
        paths.ShouldContain("/api/v1/clusterpromotiontasks");
        paths.ShouldContain("/api/v1/resources");
    }

    [Fact]
    public async Task Create_takes_YAML_and_rejects_invalid_documents_with_422()
    {
        await CreateProjectAsync("yaml-crud");
        using var yaml = new StringContent(ManifestText.Warehouse("yaml-crud", "from-yaml"), System.Text.Encoding.UTF8, "application/yaml");
        var invalid = new { kind = "Warehouse", metadata = new { name = "bad" }, spec = new { subscriptions = new[] { new { image = new { repoURL = "nginx", bogus = 1 } } } } };

        (await server.Admin.PostAsync("/api/v1/projects/yaml-crud/warehouses", yaml)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var rejected = await server.Admin.PostAsJsonAsync("/api/v1/projects/yaml-crud/warehouses", invalid);

        rejected.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString()!.ShouldStartWith("spec.subscriptions[0].image");
        (await server.Admin.GetAsync("/api/v1/projects/yaml-crud/warehouses/from-yaml")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.Admin.GetAsync("/api/v1/projects/yaml-crud/warehouses/bad")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
