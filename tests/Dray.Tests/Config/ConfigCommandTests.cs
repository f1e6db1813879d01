namespace Dray.Tests.Config;

public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Set_project_is_remembered_and_used_as_the_default()
    {
        using var cli = new CliHarness();
        (await cli.RunAsync("config", "set-project", "kargo-demo")).ExitCode.ShouldBe(0);
        var get = await cli.RunAsync("config", "get-project");
        get.Out.Trim().ShouldBe("kargo-demo");

        // The default project now satisfies `get stages`; it fails only on the missing server.
        var stages = await cli.RunAsync("get", "stages");
        stages.ExitCode.ShouldBe(1);
        stages.Error.ShouldContain("no server");
    }

    [Fact]
    public async Task View_never_prints_the_token()
    {
        using var cli = new CliHarness();
        Directory.CreateDirectory(Path.GetDirectoryName(cli.ConfigPath)!);
        await File.WriteAllTextAsync(cli.ConfigPath, """{"server":"http://127.0.0.1:9","token":"s3cr3t-token","project":"p"}""");
        var view = await cli.RunAsync("config", "view");
        view.ExitCode.ShouldBe(0);
        view.Out.ShouldContain("server: http://127.0.0.1:9");
        view.Out.ShouldContain("project: p");
        view.Out.ShouldContain("token: REDACTED");
        view.Out.ShouldNotContain("s3cr3t");
    }

    [Fact]
    public async Task Logout_forgets_only_the_token()
    {
        using var cli = new CliHarness();
        Directory.CreateDirectory(Path.GetDirectoryName(cli.ConfigPath)!);
        await File.WriteAllTextAsync(cli.ConfigPath, """{"server":"http://127.0.0.1:9","token":"s3cr3t-token","project":"p"}""");
        var logout = await cli.RunAsync("logout");
        logout.ExitCode.ShouldBe(0);
        var text = await File.ReadAllTextAsync(cli.ConfigPath);
        text.ShouldNotContain("s3cr3t");
        text.ShouldContain("http://127.0.0.1:9");
        (await cli.RunAsync("logout")).Out.ShouldContain("Not logged in");
    }
}
