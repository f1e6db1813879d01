using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;
using Dray.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests.Api;

public sealed class WatchExpiryTests
{
    [Fact]
    public async Task Resuming_from_a_revision_the_feed_no_longer_keeps_ends_with_a_410_error_event()
    {
        await using var host = await ServerHost.StartAsync(configure: b => b.Services.Configure<SqliteStoreOptions>(o => o.ChangeRetention = 2));
        using var admin = await host.AdminAsync();
        foreach (var name in new[] { "e1", "e2", "e3", "e4" })
        {
            (await admin.PostAsJsonAsync("/api/v1/projects", new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/watch?resourceVersion=1");
        using var response = await admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var error = await reader.NextEventAsync(timeout.Token);

        error.Type.ShouldBe("ERROR");
        JsonDocument.Parse(error.Data!).RootElement.GetProperty("status").GetInt32().ShouldBe(410);
    }
}
