using System.Diagnostics;

namespace Dray.TestKit.Infrastructure;

/// <summary>
/// A long-running server child process. Its output is kept (the last lines) for diagnostics, and dispose kills the
/// whole process tree.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int MaxLines = 400;
    private readonly Process process;
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    private ServerProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The exit code once the process has exited (128 + signal for a signal, e.g. 137 for SIGKILL).</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Waits until the process exits by itself.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the process tree at once (SIGKILL) and waits for it to be gone.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        ProcessRunner.KillTree(process);
        await process.WaitForExitAsync(cancellationToken);
    }

    public static ServerProcess Start(string name, string fileName, IEnumerable<string> arguments, ProcessOptions? options = null)
    {
        var startInfo = ProcessRunner.CreateStartInfo(fileName, arguments, options ?? new ProcessOptions());
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new ServerProcess(process, name);
        server.Remember($"$ {ProcessRunner.Describe(startInfo)}");
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The command line and the last lines the process printed, for failure messages.</summary>
    public string Diagnostics()
    {
        lock (gate)
        {
            var exit = process.HasExited ? $" (exited with {process.ExitCode})" : string.Empty;
            return $"--- {Name}{exit} ---\n{string.Join('\n', lines)}";
        }
    }

    /// <exception cref="InvalidOperationException">The process has exited; the message has its output.</exception>
    public void ThrowIfExited()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited unexpectedly\n{Diagnostics()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        ProcessRunner.KillTree(process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A process that ignores SIGKILL for 10 s is a zombie held by the kernel; nothing more to do from here.
        }

        process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > MaxLines)
            {
                lines.Dequeue();
            }
        }
    }
}
