using Dray.Cli.Infrastructure;

namespace Dray.Cli.Serve;

/// <summary>
/// The only type of the CLI that may touch Dray.Server (and so ASP.NET). Keeping it apart means the JIT never loads
/// the web stack for client commands, which keeps <c>dray get</c> fast.
/// </summary>
internal static class ServerLauncher
{
    public static async Task<int> RunAsync(ServeSettings settings, CliContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await ctx.Error.WriteLineAsync("Error: this build of dray has no server composition root yet").ConfigureAwait(false);
        return ExitCodes.Error;
    }
}
