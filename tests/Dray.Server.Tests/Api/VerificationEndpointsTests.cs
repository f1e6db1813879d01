using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests.Api;

/// <summary>Re-verify and abort verification write the Stage annotations naming the current verification.</summary>
[Collection(ServerCollection.Name)]
public sealed class VerificationEndpointsTests(SharedServer server)
{
    private IResourceStore Store => server.Host.App.Services.GetRequiredService<IResourceStore>();

    [Fact]
    public async Task Reverify_names_the_finished_verification_and_the_actor()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "verify-again");
        await SetVerificationAsync("verify-again", "v-17", "Failed");

        var response = await server.Admin.PostAsync("/api/v1/projects/verify-again/stages/test/verification", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var annotation = await AnnotationAsync("verify-again", "kargo.akuity.io/reverify");
        JsonNode.Parse(annotation!)!["id"]!.GetValue<string>().ShouldBe("v-17");
        JsonNode.Parse(annotation!)!["actor"]!.GetValue<string>().ShouldBe("admin");
    }

    [Fact]
    public async Task Reverify_while_running_and_abort_when_finished_are_refused()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "verify-refused");
        (await server.Admin.PostAsync("/api/v1/projects/verify-refused/stages/test/verification", null)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict, "no verification yet");
        await SetVerificationAsync("verify-refused", "v-1", "Running");
        (await server.Admin.PostAsync("/api/v1/projects/verify-refused/stages/test/verification", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await SetVerificationAsync("verify-refused", "v-1", "Successful");
        (await server.Admin.PostAsync("/api/v1/projects/verify-refused/stages/test/verification/abort", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await server.Admin.PostAsync("/api/v1/projects/verify-refused/stages/missing/verification", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AnnotationAsync("verify-refused", "kargo.akuity.io/reverify")).ShouldBeNull();
        (await AnnotationAsync("verify-refused", "kargo.akuity.io/abort")).ShouldBeNull();
    }

    [Fact]
    public async Task Abort_names_the_running_verification_and_viewers_may_not()
    {
        await PromotionFixture.ApplyAsync(server.Admin, "verify-abort");
        await SetVerificationAsync("verify-abort", "v-9", "Running");
        using var viewer = await server.Host.TokenClientAsync(server.Admin, "verify-abort-viewer", "viewer", "verify-abort");

        (await viewer.PostAsync("/api/v1/projects/verify-abort/stages/test/verification/abort", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var response = await server.Admin.PostAsync("/api/v1/projects/verify-abort/stages/test/verification/abort", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        JsonNode.Parse((await AnnotationAsync("verify-abort", "kargo.akuity.io/abort"))!)!["id"]!.GetValue<string>().ShouldBe("v-9");
    }

    private async Task SetVerificationAsync(string project, string id, string phase)
    {
        var stage = (await Store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, project, "test"), default))!;
        var history = """{"freightHistory":[{"id":"c1","items":{"Warehouse/images":{"name":"FREIGHT","origin":{"kind":"Warehouse","name":"images"}}},"verificationHistory":[{"id":"ID","phase":"PHASE"}]}]}""";
        stage.Json["status"] = JsonNode.Parse(history.Replace("FREIGHT", PromotionFixture.FreightA, StringComparison.Ordinal)
            .Replace("ID", id, StringComparison.Ordinal).Replace("PHASE", phase, StringComparison.Ordinal));
        await Store.UpdateStatusAsync(stage, default);
    }

    private async Task<string?> AnnotationAsync(string project, string key)
    {
        var stage = await server.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/stages/test");
        return stage.GetProperty("metadata").TryGetProperty("annotations", out var annotations) && annotations.TryGetProperty(key, out var value)
            ? value.GetString()
            : null;
    }
}
