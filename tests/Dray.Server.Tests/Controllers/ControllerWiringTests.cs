using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Server.Tests.Support;
using Dray.Core.Storage;
using Dray.Sources.Discovery;
using Dray.Sources.Oci;
using Microsoft.Extensions.DependencyInjection;
using Dray.TestKit.Oci;

namespace Dray.Server.Tests.Controllers;

/// <summary><c>dray serve</c> runs the Warehouse controller: a Warehouse applied through the API produces Freight.</summary>
public sealed class ControllerWiringTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task A_warehouse_subscribed_to_a_pushed_image_produces_freight_through_the_api()
    {
        await registry.PushImageAsync("library/nginx", "1.24.0", new OciImageSpec
        {
            Created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Content = "nginx:1.24.0",
            Labels = new Dictionary<string, string>(),
        });
        await using var host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        using var admin = await host.AdminAsync();
        var yaml = ManifestText.Join(ManifestText.Project("wired"), $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: nginx
              namespace: wired
            spec:
              subscriptions:
              - image:
                  repoURL: {registry.Host}/library/nginx
                  constraint: ^1.24.0
            """);
        (await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml))).EnsureSuccessStatusCode();

        var freight = await WaitForFreightAsync(admin, "wired", TimeSpan.FromSeconds(60));

        freight.GetProperty("origin").GetProperty("name").GetString().ShouldBe("nginx");
        var image = freight.GetProperty("images").EnumerateArray().Single();
        image.GetProperty("repoURL").GetString().ShouldBe($"{registry.Host}/library/nginx");
        image.GetProperty("tag").GetString().ShouldBe("1.24.0");

        // The registry metadata went to the persistent cache in the data directory, not to memory only.
        host.App.Services.GetRequiredService<IImageMetadataCache>().ShouldBeOfType<PersistentImageMetadataCache>();
        var digest = image.GetProperty("digest").GetString()!;
        (await host.App.Services.GetRequiredService<ICacheStore>().GetAsync(PersistentImageMetadataCache.DigestArea, digest, CancellationToken.None)).ShouldNotBeNull();
        File.Exists(Path.Combine(host.DataDirectory, "cache.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Switching_controllers_off_leaves_warehouses_alone()
    {
        await using var host = await ServerHost.StartAsync(tweak: o => o.Controllers = false);
        using var admin = await host.AdminAsync();
        var yaml = ManifestText.Join(ManifestText.Project("unwired"), ManifestText.Warehouse("unwired", "images"));
        (await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml))).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(1));

        var warehouse = await admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/unwired/warehouses/images");

        var reconciled = warehouse.TryGetProperty("status", out var status)
            && status.ValueKind == JsonValueKind.Object && status.TryGetProperty("conditions", out _);
        reconciled.ShouldBeFalse();
    }

    [Fact]
    public async Task Every_subscription_type_has_a_real_discoverer()
    {
        await using var host = await ServerHost.StartAsync();
        var services = host.App.Services;

        services.GetRequiredService<IArtifactDiscoverer<ImageSubscription, ImageDiscoveryResult>>().ShouldBeOfType<OciImageArtifactDiscoverer>();
        services.GetRequiredService<IArtifactDiscoverer<GitSubscription, GitDiscoveryResult>>().ShouldBeOfType<GitArtifactDiscoverer>();
        services.GetRequiredService<IArtifactDiscoverer<ChartSubscription, ChartDiscoveryResult>>().ShouldBeOfType<ChartArtifactDiscoverer>();
        services.GetRequiredService<ISecretValues>().ShouldNotBeOfType<StoredSecretValues>();
    }

    internal static async Task<JsonElement> WaitForFreightAsync(HttpClient client, string project, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/freight");
            var items = list.GetProperty("items").EnumerateArray().ToList();
            if (items.Count > 0)
            {
                return items[0];
            }

            clock.Elapsed.ShouldBeLessThan(timeout, "no Freight appeared");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
