namespace Dray.Tests.Commands;

public sealed class UsageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("get")]
    [InlineData("get stages -o xml")]
    [InlineData("get gizmos --project p --server 127.0.0.1:1")]
    [InlineData("get stages --server 127.0.0.1:1")]
    [InlineData("apply")]
    [InlineData("delete stage --project p --server 127.0.0.1:1")]
    [InlineData("delete -f x.yaml stage dev")]
    [InlineData("login http://127.0.0.1:1 --password x")]
    [InlineData("create")]
    [InlineData("create token t --role king")]
    [InlineData("config set-project")]
    [InlineData("version --bogus")]
    public async Task Bad_usage_exits_2_with_an_error_on_stderr(string commandLine)
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldStartWith("Error: ");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Help_exits_0_and_lists_the_commands()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("--help");
        result.ExitCode.ShouldBe(0);
        foreach (var command in new[] { "serve", "login", "logout", "version", "config", "apply", "create", "get", "delete" })
        {
            result.Out.ShouldContain(command);
        }
    }

    [Fact]
    public async Task Version_client_prints_only_the_client_version()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("version", "--client");
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldStartWith("Client Version: ");
        result.Out.ShouldNotContain("Server");
    }

    [Fact]
    public async Task Unreachable_server_is_named_and_exits_1()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("get", "projects", "--server", "http://127.0.0.1:1");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("Error: cannot reach the Dray server at http://127.0.0.1:1/");
    }

    [Fact]
    public async Task Missing_server_explains_how_to_log_in()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("get", "projects");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("dray login");
    }

    [Fact]
    public async Task Missing_manifest_path_is_an_error()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("apply", "-f", "nope.yaml", "--server", "127.0.0.1:1");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("\"nope.yaml\" does not exist");
    }
}
