using System.Net.Sockets;

namespace Dray.Tests.EndToEnd;

/// <summary>The real server in-process on 127.0.0.1:0 with a temp data directory, driven only through the CLI.</summary>
public sealed class EndToEndTests : InProcessServerTest
{
    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"dray {string.Join(' ', args)}\n{result.Error}");
        return result;
    }

    [Fact]
    public async Task Login_create_get_and_delete_a_project()
    {
        await Ok("login", Url, "--admin", "--password", Password);
        (await Ok("version")).Out.ShouldContain("Server Version: ");
        (await Ok("create", "project", "kargo-demo")).Out.ShouldBe("project/kargo-demo created\n");

        var table = await Ok("get", "projects");
        table.Out.Split('\n')[0].ShouldStartWith("NAME");
        table.Out.ShouldContain("kargo-demo");
        (await Ok("get", "project", "kargo-demo", "-o", "name")).Out.ShouldBe("project/kargo-demo\n");

        var json = System.Text.Json.Nodes.JsonNode.Parse((await Ok("get", "projects", "kargo-demo", "-o", "json")).Out)!;
        json["kind"]!.GetValue<string>().ShouldBe("Project");
        json["metadata"]!["name"]!.GetValue<string>().ShouldBe("kargo-demo");
        var list = System.Text.Json.Nodes.JsonNode.Parse((await Ok("get", "projects", "-o", "json")).Out)!;
        list["kind"]!.GetValue<string>().ShouldBe("List");
        (await Ok("get", "projects", "-o", "yaml")).Out.ShouldStartWith("apiVersion: v1\nkind: List\nitems:\n- ");

        var stages = await Ok("get", "stages", "--project", "kargo-demo");
        stages.Out.ShouldBeEmpty();
        stages.Error.ShouldContain("No resources found in project kargo-demo.");

        (await Ok("delete", "project", "kargo-demo")).Out.ShouldBe("project/kargo-demo deleted\n");
        var gone = await Cli.RunAsync("get", "project", "kargo-demo");
        gone.ExitCode.ShouldBe(1);
        gone.Error.ShouldStartWith("Error: ");
    }

    [Fact]
    public async Task Api_tokens_work_for_later_commands()
    {
        await Ok("login", Url, "--admin", "--password", Password);
        var created = await Ok("create", "token", "ci", "--role", "viewer");
        var token = created.Out.Trim();
        token.ShouldNotBeEmpty();
        await Ok("logout");
        (await Ok("get", "projects", "--server", Url, "--token", token, "-o", "name")).ExitCode.ShouldBe(0);
        var denied = await Cli.RunAsync("create", "project", "nope", "--server", Url, "--token", token);
        denied.ExitCode.ShouldBe(1);
        denied.Error.ShouldStartWith("Error: ");
    }

    [Fact]
    public async Task Wrong_password_and_missing_token_fail_with_exit_1()
    {
        var login = await Cli.RunAsync("login", Url, "--admin", "--password", "wrong");
        login.ExitCode.ShouldBe(1);
        login.Error.ShouldStartWith("Error: ");
        var get = await Cli.RunAsync("get", "projects", "--server", Url);
        get.ExitCode.ShouldBe(1);
        get.Error.ShouldStartWith("Error: ");
    }

    [Fact]
    public async Task Serve_runs_the_server_until_cancelled()
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var cts = new CancellationTokenSource();
        using var output = new StringWriter();
        var ctx = new Dray.Cli.Infrastructure.CliContext(
            TextWriter.Synchronized(output), TextWriter.Synchronized(output), TextReader.Null, false, _ => null, Cli.Home, Cli.Home, TimeProvider.System);
        var serve = Dray.Cli.DrayApp.RunAsync(
            ["serve", "--data", Path.Combine(Cli.Home, "serve-data"), "--listen", $"127.0.0.1:{port}", "--admin-password", Password], ctx, cts.Token);

        using var http = new HttpClient();
        var healthy = false;
        // 60 s: a cold start on a loaded machine can take many seconds; 100 tries of 100 ms were not always enough.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!healthy && !serve.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                healthy = (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
            }

            if (!healthy)
            {
                await Task.Delay(100);
            }
        }

        healthy.ShouldBeTrue(output.ToString());
        await Ok("login", $"http://127.0.0.1:{port}", "--admin", "--password", Password);
        await cts.CancelAsync();
        (await serve).ShouldBe(0, output.ToString());
    }
}
