namespace Dray.Tests.Commands;

public sealed class CommandOutputTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        _server = await ScriptedServer.StartAsync();
        _cli.Environment["DRAY_SERVER"] = _server.Url;
        _cli.Environment["DRAY_TOKEN"] = "env-token";
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Apply_prints_one_line_per_document_and_warnings_on_stderr()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Home, "m"));
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "m", "a.yaml"), "kind: Stage");
        var result = await _cli.RunAsync("apply", "-f", "m");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldBe("project/kargo-demo unchanged\nstage/test created\n");
        result.Error.ShouldBe("Warning: m/a.yaml:9: spec.subscriptions[0].image.semverConstraint: converted to constraint\n");
        _server.Requests.ShouldContain(r => r.StartsWith("POST /api/v1/resources ", StringComparison.Ordinal) && r.EndsWith("Bearer env-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_prints_each_manifest_error_with_its_position_and_exits_1()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Home, "m"));
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "m", "bad.yaml"), "kind: Stag");
        var result = await _cli.RunAsync("apply", "-f", "m/bad.yaml");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldBe("""
            Error: 2 manifest errors
            m/bad.yaml:7:5: spec.requestedFreight[0].origin.name: is required
            m/bad.yaml:12:3: unknown kind "Stag"

            """);
    }

    [Fact]
    public async Task Create_from_file_refuses_when_something_exists()
    {
        var result = await _cli.RunWithInputAsync("kind: Stage", "create", "-f", "-");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("Error: project/kargo-demo already exists");
        _server.Requests.Count(r => r.StartsWith("POST /api/v1/resources", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Get_follows_every_page()
    {
        var result = await _cli.RunAsync("get", "stages", "--project", "kargo-demo", "-o", "name");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldBe("stage/test\nstage/uat\n");
        var table = await _cli.RunAsync("get", "stage", "-p", "kargo-demo", "--no-headers");
        table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ShouldBe(["test 60m", "uat 60m"]);
    }

    [Fact]
    public async Task Delete_by_name_reports_each_and_fails_on_a_missing_one()
    {
        var result = await _cli.RunAsync("delete", "stage", "test", "ghost", "uat", "-p", "kargo-demo");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBe("stage/test deleted\nstage/uat deleted\n");
        result.Error.ShouldBe("Error: Stage \"ghost\" not found in project \"kargo-demo\"\n");
    }

    [Fact]
    public async Task Login_stores_server_and_token_but_never_prints_the_token()
    {
        _cli.Environment.Remove("DRAY_SERVER");
        _cli.Environment.Remove("DRAY_TOKEN");
        var result = await _cli.RunWithInputAsync("hunter2\n", "login", _server.Url, "--admin");
        result.ExitCode.ShouldBe(0, result.Error);
        (result.Out + result.Error).ShouldNotContain("tok-from-login");
        var config = await File.ReadAllTextAsync(_cli.ConfigPath);
        config.ShouldContain("tok-from-login");
        config.ShouldContain(_server.Url.TrimEnd('/'));

        // The stored token is what the next command sends.
        await _cli.RunAsync("get", "stages", "-p", "kargo-demo");
        _server.Requests.ShouldContain(r => r.StartsWith("GET /api/v1/projects/kargo-demo/stages", StringComparison.Ordinal) && r.EndsWith("Bearer tok-from-login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flags_beat_environment_for_the_token()
    {
        await _cli.RunAsync("get", "stages", "-p", "kargo-demo", "--token", "flag-token");
        _server.Requests.ShouldContain(r => r.EndsWith("Bearer flag-token", StringComparison.Ordinal));
        _server.Requests.ShouldNotContain(r => r.EndsWith("Bearer env-token", StringComparison.Ordinal));
    }
}
