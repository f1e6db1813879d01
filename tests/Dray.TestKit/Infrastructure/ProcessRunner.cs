using System.Diagnostics;

namespace Dray.TestKit.Infrastructure;

/// <summary>Runs a command to completion and captures its output.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, ProcessOptions? options, CancellationToken cancellationToken)
    {
        options ??= new ProcessOptions();
        var startInfo = CreateStartInfo(fileName, arguments, options);
        startInfo.RedirectStandardInput = true;
        var commandLine = Describe(startInfo);

        using var process = new Process { StartInfo = startInfo };
        process.Start();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            if (options.StandardInput is not null)
            {
                await process.StandardInput.WriteAsync(options.StandardInput.AsMemory(), timeout.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return new ProcessResult(commandLine, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            KillTree(process);
            throw new TimeoutException($"`{commandLine}` did not finish within {options.Timeout}");
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            throw;
        }
    }

    public static Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, options: null, cancellationToken);

    /// <summary>Like <see cref="RunAsync(string, IEnumerable{string}, ProcessOptions?, CancellationToken)"/>, but a non-zero exit throws.</summary>
    /// <exception cref="ProcessFailedException">The command exited non-zero.</exception>
    public static async Task<ProcessResult> RunCheckedAsync(
        string fileName, IEnumerable<string> arguments, ProcessOptions? options, CancellationToken cancellationToken)
    {
        var result = await RunAsync(fileName, arguments, options, cancellationToken);
        return result.Succeeded ? result : throw new ProcessFailedException(result);
    }

    public static Task<ProcessResult> RunCheckedAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunCheckedAsync(fileName, arguments, options: null, cancellationToken);

    internal static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, ProcessOptions options)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = options.WorkingDirectory;
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    internal static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', new[] { startInfo.FileName }.Concat(startInfo.ArgumentList));

    internal static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
