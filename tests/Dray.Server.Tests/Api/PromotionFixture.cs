using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

/// <summary>A project with a Warehouse, a direct Stage <c>test</c>, a Stage <c>prod</c> fed by <c>test</c>, and two Freight.</summary>
public static class PromotionFixture
{
    public const string FreightA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string FreightB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    public static async Task ApplyAsync(HttpClient admin, string project)
    {
        var yaml = ManifestText.Join(
            ManifestText.Project(project),
            ManifestText.Warehouse(project, "images"),
            Stage(project, "test", "direct: true"),
            Stage(project, "prod", "stages: [test]"),
            Freight(project, FreightA, "first-alias", 1),
            Freight(project, FreightB, "second-alias", 2));
        var response = await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml));
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> GetFreightAsync(HttpClient client, string project, string name) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/freight/{name}");

    private static string Stage(string project, string name, string sources) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: {name}
          namespace: {project}
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: images
            sources:
              {sources}
          promotionTemplate:
            spec:
              steps:
              - uses: file-write
                config:
                  path: out.txt
                  contents: hello
        """;

    private static string Freight(string project, string name, string alias, int minute) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: {name}
          namespace: {project}
          labels:
            kargo.akuity.io/alias: {alias}
        alias: {alias}
        origin:
          kind: Warehouse
          name: images
        images:
        - repoURL: nginx
          tag: 1.24.{minute}
          digest: sha256:{new string((char)('0' + minute), 64)}
        """;
}
