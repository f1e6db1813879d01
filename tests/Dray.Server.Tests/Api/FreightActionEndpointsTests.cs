using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class FreightActionEndpointsTests(SharedServer server)
{
    [Fact]
    public async Task Updating_an_alias_moves_the_field_and_the_label_and_refuses_a_taken_alias()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "alias-ok");

        var response = await server.Admin.PatchAsJsonAsync("/api/v1/projects/alias-ok/freight/first-alias/alias", new { alias = "renamed" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var freight = await PromotionFixture.GetFreightAsync(server.Admin, "alias-ok", PromotionFixture.FreightA);
        freight.GetProperty("alias").GetString().ShouldBe("renamed");
        freight.GetProperty("metadata").GetProperty("labels").GetProperty("kargo.akuity.io/alias").GetString().ShouldBe("renamed");
        (await server.Admin.PatchAsJsonAsync($"/api/v1/projects/alias-ok/freight/{PromotionFixture.FreightA}/alias", new { alias = "second-alias" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await server.Admin.PatchAsJsonAsync("/api/v1/projects/alias-ok/freight/first-alias/alias", new { alias = "again" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_promoter_may_not_change_an_alias()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "alias-roles");
        using var promoter = await server.Host.TokenClientAsync(server.Admin, "alias-roles-promoter", "promoter", "alias-roles");

        (await promoter.PatchAsJsonAsync("/api/v1/projects/alias-roles/freight/first-alias/alias", new { alias = "mine" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Approving_makes_freight_available_to_the_stage()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "approve-ok");
        using var promoter = await server.Host.TokenClientAsync(server.Admin, "approve-ok-promoter", "promoter", "approve-ok");

        var response = await promoter.PostAsync("/api/v1/projects/approve-ok/freight/second-alias/approve?stage=prod", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var freight = await PromotionFixture.GetFreightAsync(server.Admin, "approve-ok", PromotionFixture.FreightB);
        freight.GetProperty("status").GetProperty("approvedFor").TryGetProperty("prod", out _).ShouldBeTrue();
        var prod = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/approve-ok/stages/prod/freight");
        prod.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("freight").GetProperty("metadata").GetProperty("name").GetString() == PromotionFixture.FreightB)
            .GetProperty("available").GetBoolean().ShouldBeTrue();
        (await promoter.PostAsJsonAsync("/api/v1/projects/approve-ok/stages/prod/promotions", new { freightAlias = "second-alias" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Approval_is_refused_without_a_stage_for_an_unknown_stage_and_for_a_viewer()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "approve-no");
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "approve-no-viewer", "viewer", "approve-no");

        (await server.Admin.PostAsync("/api/v1/projects/approve-no/freight/second-alias/approve", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await server.Admin.PostAsync("/api/v1/projects/approve-no/freight/second-alias/approve?stage=nope", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.PostAsync("/api/v1/projects/approve-no/freight/second-alias/approve?stage=prod", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Refreshing_a_warehouse_sets_the_refresh_annotation()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "refresh-ok");
        using var promoter = await server.Host.TokenClientAsync(server.Admin, "refresh-ok-promoter", "promoter", "refresh-ok");
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "refresh-ok-viewer", "viewer", "refresh-ok");

        var response = await promoter.PostAsync("/api/v1/projects/refresh-ok/warehouses/images/refresh", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var warehouse = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/refresh-ok/warehouses/images");
        warehouse.GetProperty("metadata").GetProperty("annotations").GetProperty("kargo.akuity.io/refresh").GetString().ShouldNotBeNullOrEmpty();
        (await viewer.PostAsync("/api/v1/projects/refresh-ok/warehouses/images/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await promoter.PostAsync("/api/v1/projects/refresh-ok/warehouses/none/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
