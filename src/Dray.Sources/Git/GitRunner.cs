using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Dray.Sources.Git;

/// <summary>Starts the git CLI. Output is read asynchronously; cancellation kills the whole process tree.</summary>
internal sealed class GitRunner(string gitBinary)
{
    /// <summary>Runs git to completion and returns its standard output.</summary>
    /// <exception cref="GitException">git could not start or exited non-zero.</exception>
    public async Task<string> RunAsync(GitCommand command, string? workDir, string remoteForErrors, CancellationToken ct)
    {
        var output = new StringBuilder();
        await StreamAsync(command, workDir, remoteForErrors, async (reader, token) =>
        {
            var buffer = new char[16384];
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), token)) > 0)
            {
                output.Append(buffer, 0, read);
            }

            return true;
        }, ct);
        return output.ToString();
    }

    /// <summary>
    /// Runs git and hands its standard output to <paramref name="consume"/>. When the consumer returns false it has
    /// read enough: git is stopped and its exit status ignored.
    /// </summary>
    public async Task StreamAsync(
        GitCommand command,
        string? workDir,
        string remoteForErrors,
        Func<StreamReader, CancellationToken, Task<bool>> consume,
        CancellationToken ct)
    {
        using var process = new Process { StartInfo = CreateStartInfo(command, workDir) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new GitException(GitErrorKind.Other, $"cannot start '{gitBinary}': {e.Message}", e);
        }

        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var complete = true;
        try
        {
            complete = await consume(process.StandardOutput, ct);
            if (!complete)
            {
                Kill(process);
            }

            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        catch
        {
            Kill(process);
            throw;
        }

        string errorText;
        try
        {
            errorText = await stderr;
        }
        catch (OperationCanceledException)
        {
            errorText = "";
        }

        if (complete && process.ExitCode != 0)
        {
            throw GitErrors.FromFailure(command, remoteForErrors, process.ExitCode, errorText);
        }
    }

    private ProcessStartInfo CreateStartInfo(GitCommand command, string? workDir)
    {
        var info = new ProcessStartInfo(gitBinary)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = workDir ?? Path.GetTempPath(),
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    private static void Kill(Process process)
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
            // Exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Already gone.
        }
    }
}
