using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests.Api;

/// <summary>Assembling Freight by hand from a Warehouse's discovered artifacts.</summary>
[Collection(ServerCollection.Name)]
public sealed class WarehouseAssembleEndpointsTests(SharedServer server)
{
    private IResourceStore Store => server.Host.App.Services.GetRequiredService<IResourceStore>();

    [Fact]
    public async Task The_picked_tag_becomes_freight_with_an_alias_and_the_same_pick_again_is_a_conflict()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "assemble-ok");
        await DiscoverAsync("assemble-ok");

        var response = await server.Admin.PostAsJsonAsync("/api/v1/projects/assemble-ok/warehouses/images/assemble", new { choices = new[] { 1 } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var freight = await response.Content.ReadFromJsonAsync<JsonElement>();
        freight.GetProperty("images")[0].GetProperty("tag").GetString().ShouldBe("1.25.0");
        freight.GetProperty("alias").GetString().ShouldNotBeNullOrEmpty();
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/assemble-ok/warehouses/images/assemble", new { choices = new[] { 1 } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_picks_and_undiscovered_warehouses_get_clear_errors()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "assemble-bad");

        var nothing = await server.Admin.PostAsJsonAsync("/api/v1/projects/assemble-bad/warehouses/images/assemble", new { choices = new[] { 0 } });
        nothing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await nothing.Content.ReadAsStringAsync()).ShouldContain("discovered nothing yet");
        await DiscoverAsync("assemble-bad");
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/assemble-bad/warehouses/images/assemble", new { choices = new[] { 5 } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/assemble-bad/warehouses/images/assemble", new { choices = new[] { 0, 0 } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/assemble-bad/warehouses/images/assemble", new { }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/assemble-bad/warehouses/none/assemble", new { choices = new[] { 0 } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task DiscoverAsync(string project)
    {
        var warehouse = (await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, project, "images"), default))!;
        var repo = (string)warehouse.Json["spec"]!["subscriptions"]![0]!["image"]!["repoURL"]!;
        var status = """{"discoveredArtifacts":{"discoveredAt":"2026-11-26T10:00:00Z","images":[{"repoURL":"REPO","references":[{"tag":"1.26.0","digest":"sha256:D1"},{"tag":"1.25.0","digest":"sha256:D2"}]}]}}""";
        warehouse.Json["status"] = JsonNode.Parse(status.Replace("REPO", repo, StringComparison.Ordinal)
            .Replace("D1", new string('1', 64), StringComparison.Ordinal).Replace("D2", new string('2', 64), StringComparison.Ordinal));
        await Store.UpdateStatusAsync(warehouse, default);
    }
}
