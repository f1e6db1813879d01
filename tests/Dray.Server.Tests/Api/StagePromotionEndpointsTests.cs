using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class StagePromotionEndpointsTests(SharedServer server)
{
    [Fact]
    public async Task Promoting_direct_freight_by_alias_creates_a_pending_promotion_named_after_the_stage()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "promo-ok");

        var response = await server.Admin.PostAsJsonAsync("/api/v1/projects/promo-ok/stages/test/promotions", new { freightAlias = "first-alias" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var promotion = await response.Content.ReadFromJsonAsync<JsonElement>();
        var name = promotion.GetProperty("metadata").GetProperty("name").GetString()!;
        name.ShouldStartWith("test.");
        name.ShouldEndWith("." + PromotionFixture.FreightA[..7]);
        promotion.GetProperty("spec").GetProperty("freight").GetString().ShouldBe(PromotionFixture.FreightA);
        (await server.Admin.GetAsync($"/api/v1/projects/promo-ok/promotions/{name}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Promoting_freight_the_stage_cannot_take_is_refused_with_the_reason()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "promo-refused");

        var response = await server.Admin.PostAsJsonAsync("/api/v1/projects/promo-refused/stages/prod/promotions", new { freight = PromotionFixture.FreightA });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        var list = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/promo-refused/promotions");
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/promo-refused/stages/test/promotions", new { freight = "nope" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await server.Admin.PostAsJsonAsync("/api/v1/projects/promo-refused/stages/test/promotions", new { freight = PromotionFixture.FreightA, freightAlias = "first-alias" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Stage_freight_lists_every_freight_with_availability_and_reason()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "promo-list");

        var test = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/promo-list/stages/test/freight");
        var prod = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/promo-list/stages/prod/freight");

        Rows(test).ShouldBe([(PromotionFixture.FreightB, true), (PromotionFixture.FreightA, true)], ignoreOrder: true);
        Rows(prod).ShouldAllBe(r => !r.Available);
        prod.GetProperty("items").EnumerateArray().ShouldAllBe(i => !string.IsNullOrWhiteSpace(i.GetProperty("reason").GetString()));
        (await server.Admin.GetAsync("/api/v1/projects/promo-list/stages/missing/freight")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Aborting_a_pending_promotion_sets_the_abort_annotation()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "promo-abort");
        var created = await server.Admin.PostAsJsonAsync("/api/v1/projects/promo-abort/stages/test/promotions", new { freight = PromotionFixture.FreightB });
        var name = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metadata").GetProperty("name").GetString();

        var response = await server.Admin.PostAsync($"/api/v1/projects/promo-abort/promotions/{name}/abort", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var promotion = await server.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/promo-abort/promotions/{name}");
        promotion.GetProperty("metadata").GetProperty("annotations").GetProperty("kargo.akuity.io/abort").GetString()!.ShouldContain("terminate");
        (await server.Admin.PostAsync("/api/v1/projects/promo-abort/promotions/nothing/abort", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_may_list_stage_freight_but_not_promote_or_abort()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "promo-roles");
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "promo-roles-viewer", "viewer", "promo-roles");
        using var promoter = await server.Host.TokenClientAsync(server.Admin, "promo-roles-promoter", "promoter", "promo-roles");

        (await viewer.GetAsync("/api/v1/projects/promo-roles/stages/test/freight")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync("/api/v1/projects/promo-roles/stages/test/promotions", new { freight = PromotionFixture.FreightA }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsync("/api/v1/projects/promo-roles/promotions/x/abort", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await promoter.PostAsJsonAsync("/api/v1/projects/promo-roles/stages/test/promotions", new { freight = PromotionFixture.FreightA }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static List<(string Name, bool Available)> Rows(JsonElement list) =>
        list.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("freight").GetProperty("metadata").GetProperty("name").GetString()!, i.GetProperty("available").GetBoolean()))
            .ToList();
}
