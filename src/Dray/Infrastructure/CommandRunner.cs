using Dray.Client;
using Dray.Core.Manifests;

namespace Dray.Cli.Infrastructure;

/// <summary>Runs a command body and turns every expected failure into an <c>Error:</c> line and an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext ctx, Func<Task<int>> body, CancellationToken ct)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await ctx.Error.WriteLineAsync($"Error: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (DrayApiException ex)
        {
            await WriteApiErrorAsync(ctx.Error, ex).ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (DrayConnectionException ex)
        {
            await ctx.Error.WriteLineAsync($"Error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (IOException ex)
        {
            await ctx.Error.WriteLineAsync($"Error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (UnauthorizedAccessException ex)
        {
            await ctx.Error.WriteLineAsync($"Error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ctx.Error.WriteLineAsync("Error: interrupted").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    public static async Task WriteApiErrorAsync(TextWriter error, DrayApiException ex)
    {
        await error.WriteLineAsync($"Error: {ex.Message}").ConfigureAwait(false);
        foreach (var e in ex.Errors)
        {
            await error.WriteLineAsync(FormatError(e)).ConfigureAwait(false);
        }

        if (ex.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            await error.WriteLineAsync("Log in with 'dray login URL --admin', or pass --token / set DRAY_TOKEN.").ConfigureAwait(false);
        }
    }

    /// <summary><c>file:line:col: path: message</c>; a field error without a position prints as <c>  path: message</c>.</summary>
    public static string FormatError(ManifestError e) =>
        e.File is null && e.Line == 0 ? "  " + (e.Path.Length == 0 ? e.Message : $"{e.Path}: {e.Message}") : e.ToString();
}
