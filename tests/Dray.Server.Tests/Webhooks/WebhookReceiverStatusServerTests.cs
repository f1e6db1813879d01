using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Webhooks;
using Dray.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests.Webhooks;

/// <summary>The ProjectConfig controller publishes receiver URLs and follows secret rotation; idle, it writes nothing.</summary>
public sealed class WebhookReceiverStatusServerTests
{
    private const string ExternalUrl = "https://dray.example.com";

    [Fact]
    public async Task Rotating_the_secret_republishes_the_url_and_retires_the_old_one()
    {
        await using var host = await ServerHost.StartAsync(tweak: o => { o.Controllers = true; o.ExternalUrl = ExternalUrl + "/"; });
        using var admin = await host.AdminAsync();
        await ApplyAsync(admin, "rotate", "one");
        var first = await WaitForUrlAsync(admin, "rotate", url => url is not null);
        var body = WebhookFixtures.Load("quay-push.json");
        using var client = host.Anonymous();

        first.ShouldBe(ExternalUrl + WebhookReceiverPath.For("quay", "rotate", "q", "one"));
        (await client.PostAsync(new Uri(first).AbsolutePath, new ByteArrayContent(body))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ApplyAsync(admin, "rotate", "two", withConfig: false);
        var second = await WaitForUrlAsync(admin, "rotate", url => url != first);

        second.ShouldBe(ExternalUrl + WebhookReceiverPath.For("quay", "rotate", "q", "two"));
        (await client.PostAsync(new Uri(first).AbsolutePath, new ByteArrayContent(body))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync(new Uri(second).AbsolutePath, new ByteArrayContent(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reconciling_an_unchanged_project_config_writes_nothing()
    {
        await using var host = await ServerHost.StartAsync(tweak: o => o.ExternalUrl = ExternalUrl);
        using var admin = await host.AdminAsync();
        await ApplyAsync(admin, "idle", "one");
        var store = host.App.Services.GetRequiredService<IResourceStore>();
        var key = new ResourceKey(ResourceKinds.ProjectConfig.Kind, "idle", "idle");

        await ReconcileAsync(host, key);
        var written = (await store.GetAsync(key, CancellationToken.None))!;
        await ReconcileAsync(host, key);
        var again = (await store.GetAsync(key, CancellationToken.None))!;

        written.Status!["webhookReceivers"]![0]!["url"]!.GetValue<string>().ShouldBe(ExternalUrl + WebhookReceiverPath.For("quay", "idle", "q", "one"));
        again.ResourceVersion.ShouldBe(written.ResourceVersion);
    }

    private static async Task ReconcileAsync(ServerHost host, ResourceKey key)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProjectConfigReconciler>().ReconcileAsync(key, CancellationToken.None);
    }

    private static async Task ApplyAsync(HttpClient admin, string project, string secret, bool withConfig = true)
    {
        var documents = new List<string>
        {
            ManifestText.Project(project),
            $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: quay-wh
              namespace: {project}
            stringData:
              secret: {secret}
            """,
        };
        if (withConfig)
        {
            documents.Add($"""
                apiVersion: kargo.akuity.io/v1alpha1
                kind: ProjectConfig
                metadata:
                  name: {project}
                  namespace: {project}
                spec:
                  webhookReceivers:
                  - name: q
                    quay:
                      secretRef:
                        name: quay-wh
                """);
        }

        var response = await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(ManifestText.Join([.. documents])));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> WaitForUrlAsync(HttpClient admin, string project, Func<string?, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var config = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/projectconfigs/{project}");
            string? url = null;
            if (config.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("webhookReceivers", out var receivers)
                && receivers.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } receiver
                && receiver.TryGetProperty("url", out var found))
            {
                url = found.GetString();
            }

            if (url is not null && done(url))
            {
                return url;
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), $"the receiver URL is still {url ?? "unpublished"}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
