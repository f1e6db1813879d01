using System.Net;
using System.Net.Sockets;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Tests.Infrastructure;

public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task Captures_output_exit_code_stdin_and_environment()
    {
        var result = await ProcessRunner.RunAsync(
            "sh",
            ["-c", "read line; echo \"$line $DRAY_X\"; echo oops >&2; exit 3"],
            new ProcessOptions { StandardInput = "hello\n", Environment = new Dictionary<string, string?> { ["DRAY_X"] = "world" } },
            default);

        result.ExitCode.ShouldBe(3);
        result.StandardOutput.ShouldBe("hello world\n");
        result.StandardError.ShouldBe("oops\n");
    }

    [Fact]
    public async Task Checked_run_throws_with_the_output_in_the_message()
    {
        var error = await Should.ThrowAsync<ProcessFailedException>(
            () => ProcessRunner.RunCheckedAsync("sh", ["-c", "echo broken >&2; exit 1"], default));

        error.Message.ShouldContain("broken");
        error.Result!.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Timeout_kills_the_process()
    {
        var error = await Should.ThrowAsync<TimeoutException>(
            () => ProcessRunner.RunAsync("sleep", ["30"], new ProcessOptions { Timeout = TimeSpan.FromMilliseconds(300) }, default));

        error.Message.ShouldContain("sleep 30");
    }

    [Fact]
    public async Task Server_process_dispose_kills_its_children()
    {
        using var dir = new TempDirectory();
        var pidFile = dir.File("child.pid");
        var server = ServerProcess.Start("sh", "sh", ["-c", $"sleep 60 & echo $! > {pidFile}; wait"]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Readiness.WaitForFileAsync(server, pidFile, deadline.Token);
        // The shell creates the file before echo writes the pid into it: read until the line is complete.
        var line = await File.ReadAllTextAsync(pidFile, deadline.Token);
        while (!line.EndsWith('\n'))
        {
            await Task.Delay(50, deadline.Token);
            line = await File.ReadAllTextAsync(pidFile, deadline.Token);
        }

        var childPid = int.Parse(line.Trim(), System.Globalization.CultureInfo.InvariantCulture);

        IsRunning(childPid).ShouldBeTrue();

        await server.DisposeAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (IsRunning(childPid) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        IsRunning(childPid).ShouldBeFalse();
    }

    /// <summary>Alive and not a zombie waiting to be reaped by init.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void Free_port_can_be_bound()
    {
        var port = FreePort.Next();
        using var listener = new TcpListener(IPAddress.Loopback, port);

        listener.Start();

        ((IPEndPoint)listener.LocalEndpoint).Port.ShouldBe(port);
    }
}
