using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ResourceApplyEndpointsTests(SharedServer server)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static IEnumerable<string> Actions(JsonElement body) =>
        body.GetProperty("results").EnumerateArray().Select(r => $"{r.GetProperty("kind").GetString()}/{r.GetProperty("name").GetString()}={r.GetProperty("action").GetString()}");

    [Fact]
    public async Task Apply_creates_then_reports_unchanged()
    {
        var yaml = ManifestText.Join(ManifestText.Project("apply-basic"), ManifestText.Warehouse("apply-basic", "images"));

        var first = await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml));
        var second = await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Actions(await JsonAsync(first)).ShouldBe(["Project/apply-basic=created", "Warehouse/images=created"]);
        Actions(await JsonAsync(second)).ShouldBe(["Project/apply-basic=unchanged", "Warehouse/images=unchanged"]);
        (await server.Admin.GetAsync("/api/v1/projects/apply-basic/warehouses/images")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_invalid_document_fails_the_whole_apply_with_file_and_line()
    {
        var yaml = ManifestText.Join(
            ManifestText.Project("apply-bad"),
            ManifestText.Warehouse("apply-bad", "images"),
            """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              namespace: apply-bad
            spec: {}
            """);
        var documentLine = yaml.Split('\n').Select((l, i) => (l, i)).Where(x => x.l == "kind: Warehouse").Skip(1).First().i + 1;

        var response = await server.Admin.PostAsync("/api/v1/resources", ManifestText.Files(("pipeline.yaml", yaml)));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldNotBeEmpty();
        errors[0].GetProperty("file").GetString().ShouldBe("pipeline.yaml");
        errors[0].GetProperty("line").GetInt32().ShouldBeInRange(documentLine - 1, documentLine + 4);
        errors[0].GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        (await server.Admin.GetAsync("/api/v1/projects/apply-bad")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await server.Admin.GetAsync("/api/v1/projects/apply-bad/warehouses/images")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dry_run_validates_and_stores_nothing()
    {
        var yaml = ManifestText.Join(ManifestText.Project("apply-dry"), ManifestText.Warehouse("apply-dry", "images"));

        var response = await server.Admin.PostAsync("/api/v1/resources?dryRun=true", ManifestText.Yaml(yaml));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Actions(await JsonAsync(response)).ShouldBe(["Project/apply-dry=created", "Warehouse/images=created"]);
        (await server.Admin.GetAsync("/api/v1/projects/apply-dry")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_cannot_apply()
    {
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "ci-apply-viewer", "viewer");

        var response = await viewer.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Project("apply-viewer")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await server.Admin.GetAsync("/api/v1/projects/apply-viewer")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_project_admin_applies_in_its_project_only_and_cannot_create_projects()
    {
        (await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Join(ManifestText.Project("apply-alpha"), ManifestText.Project("apply-beta")))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var alpha = await server.Host.TokenClientAsync(server.Admin, "ci-apply-alpha", "project-admin", "apply-alpha");

        (await alpha.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Warehouse("apply-alpha", "mine")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mixed = ManifestText.Join(ManifestText.Warehouse("apply-alpha", "also-mine"), ManifestText.Warehouse("apply-beta", "theirs"));
        (await alpha.PostAsync("/api/v1/resources", ManifestText.Yaml(mixed))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alpha.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Project("apply-gamma")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await server.Admin.GetAsync("/api/v1/projects/apply-alpha/warehouses/mine")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.Admin.GetAsync("/api/v1/projects/apply-alpha/warehouses/also-mine")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await server.Admin.GetAsync("/api/v1/projects/apply-beta/warehouses/theirs")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_by_manifest_reports_deleted_then_notfound()
    {
        (await server.Admin.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Join(ManifestText.Project("apply-del"), ManifestText.Warehouse("apply-del", "gone")))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        HttpRequestMessage Delete() => new(HttpMethod.Delete, "/api/v1/resources") { Content = ManifestText.Yaml(ManifestText.Warehouse("apply-del", "gone")) };

        using var first = await server.Admin.SendAsync(Delete());
        using var second = await server.Admin.SendAsync(Delete());

        Actions(await JsonAsync(first)).ShouldBe(["Warehouse/gone=deleted"]);
        Actions(await JsonAsync(second)).ShouldBe(["Warehouse/gone=notfound"]);
    }

    [Fact]
    public async Task Other_content_types_are_415()
    {
        using var content = new StringContent("x", System.Text.Encoding.UTF8, "application/octet-stream");

        (await server.Admin.PostAsync("/api/v1/resources", content)).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }
}
